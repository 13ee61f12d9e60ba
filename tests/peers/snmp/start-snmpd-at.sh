#!/bin/sh
# usage: start-snmpd-at.sh <workdir> <ipv4-address> [udp-port]   -> prints "PORT PID" once snmpd answers a v2c get
# The agent of start-snmpd.sh (same snmpd.conf.in: communities, USM users, fixed objects), but listening on one
# loopback address of 127.0.0.0/8 only, so several agents can share a port on 127.0.0.2, 127.0.0.3... for
# discovery sweeps. Communities accept requests from all of 127.0.0.0/8, and sysName is peers-snmpd-<address>.
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"
D=${1:?usage: start-snmpd-at.sh <workdir> <ipv4-address> [udp-port]}
A=${2:?usage: start-snmpd-at.sh <workdir> <ipv4-address> [udp-port]}
case "$A" in 127.*) ;; *) abort "$A is not a loopback address (127.0.0.0/8)";; esac
PORT=${3:-$("$PEERS/lib/freeport.sh" udp)}
need /usr/sbin/snmpd /usr/bin/snmpget
mkdir -p "$D/persist"
sed -E -e "s|@PORT@|$PORT|g" -e "s|@DIR@|$D|g" \
    -e "s|^agentAddress .*|agentAddress  udp:$A:$PORT|" \
    -e "s|^sysName .*|sysName      peers-snmpd-$A|" \
    -e 's|^(r[ow]community6? .*) 127\.0\.0\.1( \|$)|\1 127.0.0.0/8\2|' \
    "$PEERS/snmp/snmpd.conf.in" > "$D/snmpd.conf"
# Same flags as start-snmpd.sh: -C only our file, -m "" no MIB loading, -I -smux no TCP 199 listener.
SNMP_PERSISTENT_DIR="$D/persist" /usr/sbin/snmpd -f -C -c "$D/snmpd.conf" -Lf "$D/snmpd.log" -p "$D/snmpd.pid" \
    -m "" -I -smux </dev/null >"$D/snmpd.out" 2>&1 &
PID=$!; STARTED=$PID
wait_ready 15 snmpd "$D/snmpd.log" \
    /usr/bin/snmpget -v2c -c public -t 0.2 -r 0 -On "$A:$PORT" .1.3.6.1.2.1.1.3.0
echo "$PORT $PID"
