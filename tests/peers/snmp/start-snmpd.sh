#!/bin/sh
# usage: start-snmpd.sh <workdir> [udp-port]   -> prints "PORT PID" once snmpd answers a v2c get
# net-snmp agent on udp 127.0.0.1:PORT and [::1]:PORT; communities, USM users and fixed objects: snmpd.conf.in.
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"
D=${1:?usage: start-snmpd.sh <workdir> [udp-port]}; PORT=${2:-$("$PEERS/lib/freeport.sh" udp)}
need /usr/sbin/snmpd /usr/bin/snmpget
mkdir -p "$D/persist"
sed -e "s|@PORT@|$PORT|g" -e "s|@DIR@|$D|g" "$PEERS/snmp/snmpd.conf.in" > "$D/snmpd.conf"
# -f foreground, -C only our -c file (no /etc/snmp, no /var/lib/snmp), -Lf log file.
# -m "": with -C Debian's 'mibs :' line is not read, so the agent would try to load every MIB.
# -I -smux: as root snmpd would also listen on TCP 0.0.0.0:199, which is not loopback-only.
SNMP_PERSISTENT_DIR="$D/persist" /usr/sbin/snmpd -f -C -c "$D/snmpd.conf" -Lf "$D/snmpd.log" -p "$D/snmpd.pid" \
    -m "" -I -smux </dev/null >"$D/snmpd.out" 2>&1 &
PID=$!; STARTED=$PID
# readiness: a real v2c get (0.2 s timeout, no retries)
wait_ready 15 snmpd "$D/snmpd.log" \
    /usr/bin/snmpget -v2c -c public -t 0.2 -r 0 -On "127.0.0.1:$PORT" .1.3.6.1.2.1.1.3.0
echo "$PORT $PID"
