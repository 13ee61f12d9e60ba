#!/bin/sh
# usage: start-dnsmasq.sh <workdir> [port]  -> prints "PORT PID" once dnsmasq answers
# Authoritative-only test.example responder on UDP and TCP, 127.0.0.1 and ::1; records in dnsmasq.conf.in.
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"; . "$PEERS/dns/dns-lib.sh"
D=${1:?usage: start-dnsmasq.sh <workdir> [port]}; PORT=${2:-$("$PEERS/lib/freeport.sh" both)}
need /usr/sbin/dnsmasq /usr/bin/dig
mkdir -p "$D"
sed -e "s|@PORT@|$PORT|g" -e "s|@DIR@|$D|g" "$PEERS/dns/dnsmasq.conf.in" > "$D/dnsmasq.conf"
/usr/sbin/dnsmasq --test -C "$D/dnsmasq.conf" >"$D/dnsmasq.out" 2>&1 || abort "dnsmasq rejected $D/dnsmasq.conf" "$D/dnsmasq.out"
# -k foreground, -C only our config; as root, drop to nobody (it would try the missing 'dnsmasq' user)
USEROPT=""; [ "$(id -u)" = 0 ] && USEROPT="--user=nobody --group=nogroup"
# shellcheck disable=SC2086 # USEROPT is two words or none
/usr/sbin/dnsmasq -k -C "$D/dnsmasq.conf" $USEROPT </dev/null >>"$D/dnsmasq.out" 2>&1 &
PID=$!; STARTED=$PID
wait_ready 15 dnsmasq "$D/dnsmasq.log" answers_www "$PORT"
echo "$PORT $PID"
