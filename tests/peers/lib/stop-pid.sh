#!/bin/sh
# usage: stop-pid.sh <pid|pidfile> [timeout-seconds=5]  -- SIGTERM, wait, then SIGKILL. Only the given PID.
# Exit 0 when the process is gone (a zombie counts as gone, see lib/common.sh), 1 when it survived SIGKILL.
PEERS=$(cd "$(dirname "$0")/.." && pwd)
. "$PEERS/lib/common.sh"
P=$1; [ -f "$P" ] && P=$(cat "$P"); T=${2:-5}
case "$P" in ''|*[!0-9]*) echo "stop-pid.sh: not a pid: '$P'" >&2; exit 2 ;; esac
alive "$P" || exit 0
kill -TERM "$P" 2>/dev/null
i=0
while alive "$P"; do
  i=$((i+1))
  if [ $i -gt $((T*20)) ]; then
    kill -KILL "$P" 2>/dev/null
    j=0; while alive "$P" && [ $j -lt 40 ]; do j=$((j+1)); sleep 0.05; done
    alive "$P" && { echo "stop-pid.sh: $P survived SIGKILL" >&2; exit 1; }
    exit 0
  fi
  sleep 0.05
done
