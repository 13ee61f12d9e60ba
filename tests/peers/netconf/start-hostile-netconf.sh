#!/bin/sh
# usage: start-hostile-netconf.sh <workdir> <user> <mode> [tcp-port]  -> prints "PORT PID" once sshd listens
# sshd whose netconf subsystem is hostile-netconf.py <mode>: a broken NETCONF server for negative client tests
# (DTDs, external entities, bad or oversized chunks, a delimiter that never comes, a reply in many chunks).
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"; . "$PEERS/ssh/sshd-lib.sh"
D=${1:?usage: start-hostile-netconf.sh <workdir> <user> <mode> [tcp-port]}; U=${2:?user}; MODE=${3:?mode}
PORT=${4:-$("$PEERS/lib/freeport.sh")}
need /usr/bin/python3
mkdir -p "$D"
cp "$PEERS/netconf/hostile-netconf.py" "$D/hostile-netconf.py"
chmod 755 "$D/hostile-netconf.py"
# netconfd's sshd_config with the netconf subsystem swapped for the hostile server, run as the login user
sed -e "s|^Subsystem netconf .*|Subsystem netconf \"/usr/bin/python3 @DIR@/hostile-netconf.py $MODE\"|" \
    "$PEERS/netconf/sshd_config.in" > "$D/hostile_sshd_config.in"
prepare_sshd "$D" "$U" "$PORT" "$D/hostile_sshd_config.in"
launch_sshd "$D" "$PORT"
echo "$PORT $SSHD_PID"
