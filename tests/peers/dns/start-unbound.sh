#!/bin/sh
# usage: start-unbound.sh <workdir> [port]  -> prints "PORT PID" once unbound answers
# Same test.example data as dnsmasq, from a static local zone; everything else is REFUSED, nothing recurses out.
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"; . "$PEERS/dns/dns-lib.sh"
D=${1:?usage: start-unbound.sh <workdir> [port]}; PORT=${2:-$("$PEERS/lib/freeport.sh" both)}
need /usr/sbin/unbound /usr/sbin/unbound-checkconf /usr/bin/dig
mkdir -p "$D"
sed -e "s|@PORT@|$PORT|g" -e "s|@DIR@|$D|g" -e "/@BIGTXT@/r $PEERS/dns/bigtxt.unbound" -e "/@BIGTXT@/d" \
    "$PEERS/dns/unbound.conf.in" > "$D/unbound.conf"
/usr/sbin/unbound-checkconf "$D/unbound.conf" >"$D/unbound.out" 2>&1 || abort "unbound rejected $D/unbound.conf" "$D/unbound.out"
# -d foreground; username "" and chroot "" in the config keep it in the workdir as the calling user
/usr/sbin/unbound -d -c "$D/unbound.conf" </dev/null >>"$D/unbound.out" 2>&1 &
PID=$!; STARTED=$PID
wait_ready 15 unbound "$D/unbound.log" answers_www "$PORT"
echo "$PORT $PID"
