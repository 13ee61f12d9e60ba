#!/bin/sh
# usage: start-netconf.sh <workdir> <user> [tcp-port] [candidate|running]  -> prints "PORT SSHD_PID NETCONFD_PID"
# yuma123 netconfd (ietf-interfaces, ietf-system) behind sshd's 'netconf' subsystem on 127.0.0.1:PORT.
# netconfd is NEVER run as root: its ietf-system SIL runs 'reboot', 'hostname' and settimeofday, and the
# ietf-interfaces SIL runs 'ifconfig <name> up/down'. As root, netconfd runs as <user> through runuser and
# sshd as root; as non-root, <user> must be you. The workdir must be traversable by <user> (chmod 755).
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"; . "$PEERS/ssh/sshd-lib.sh"
D=${1:?usage: start-netconf.sh <workdir> <user> [tcp-port] [candidate|running]}; U=${2:?user}
PORT=${3:-$("$PEERS/lib/freeport.sh")}; TARGET=${4:-candidate}
case "$TARGET" in candidate|running) ;; *) abort "target must be candidate or running, not '$TARGET'" ;; esac
need /usr/sbin/netconfd /usr/sbin/netconf-subsystem /usr/sbin/runuser /usr/bin/ip
for m in ietf-interfaces ietf-system; do
  ls /usr/lib/*/yuma/lib$m.so >/dev/null 2>&1 || abort "missing lib$m.so (netconfd-module-$m); run tests/peers/install.sh as root"
done
mkdir -p "$D/bin"
# Debian does not ship this helper; without it netconfd aborts on the first /interfaces-state read
cp "$PEERS/netconf/bin/get-interface-ipv4" "$D/bin/"
# fresh copy on every start: netconfd rewrites this file on every commit (with-startup=false auto-saves)
cp "$PEERS/netconf/startup-cfg.xml" "$D/startup-cfg.xml"
prepare_sshd "$D" "$U" "$PORT" "$PEERS/netconf/sshd_config.in"
if [ "$(id -u)" = 0 ]; then
  RUN="runuser -u $U --"
  chown -R "$U" "$D"; chmod 600 "$D/id_ed25519" "$D/id_rsa"
else
  RUN=""
fi
rm -f "$D/ncxserver.sock"
# netconfd has no daemon mode; --port must list the SSH port, else only sessions arriving on tcp/830 are accepted
$RUN env HOME="$D" PATH="$D/bin:/usr/sbin:/usr/bin:/sbin:/bin" /usr/sbin/netconfd \
    --ncxserver-sockname="$D/ncxserver.sock" --port="$PORT" \
    --module=iana-if-type --module=ietf-interfaces --module=ietf-system \
    --target="$TARGET" --with-startup="${NETCONF_WITH_STARTUP:-false}" --startup="$D/startup-cfg.xml" \
    --superuser="$U" --log="$D/netconfd.log" --log-level=info </dev/null >"$D/netconfd.out" 2>&1 &
NPID=$!; STARTED=$NPID
netconfd_ready() { [ -S "$D/ncxserver.sock" ] && grep -q "Running netconfd server" "$D/netconfd.log"; }
wait_ready 20 netconfd "$D/netconfd.log" netconfd_ready
launch_sshd "$D" "$PORT"
# with runuser, $NPID is runuser's pid; report the real netconfd pid (runuser's only child)
if [ -n "$RUN" ]; then
  CHILD=$(cat "/proc/$NPID/task/$NPID/children" 2>/dev/null | tr -d ' ')
  [ -n "$CHILD" ] && NPID=$CHILD
fi
echo "$NPID" > "$D/netconfd.pid"
echo "$PORT $SSHD_PID $NPID"
