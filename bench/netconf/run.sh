#!/usr/bin/env bash
# The NETCONF benchmark of issue 7 (bench/README.md, "NETCONF edit-config + commit"): starts yuma123 netconfd
# behind sshd (tests/peers/netconf/start-netconf.sh, as root with the peertest user from tests/peers/install.sh),
# then runs `NetOpsPS.Bench netconf`, which times the same edit-config + commit round trip with NetOpsPS and with
# ncclient (/usr/bin/python3) against that one server, and prints the ratio (goal <= 0.8).
#
# usage (from anywhere): bench/netconf/run.sh [netconf options]   e.g. --iterations 60 --rounds 5
# Output also goes to bench/results/netconf-<UTC time>.txt (not committed). The peer is stopped however the script ends.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
user=peertest
[ "$(id -u)" = 0 ] || user=$(id -un)
/usr/bin/python3 -c 'import ncclient' 2>/dev/null || { echo "run.sh: needs python3-ncclient (tests/peers/install.sh)" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build bench/NetOpsPS.Bench/NetOpsPS.Bench.csproj -c Release -nologo -v:minimal --disable-build-servers

work=$(mktemp -d /tmp/netopsps-bench-netconf-XXXXXX)
chmod 755 "$work"
pids=""
cleanup() {
  for p in $pids; do tests/peers/lib/stop-pid.sh "$p" 5 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "run.sh: interrupted" >&2; exit 130' INT TERM
read -r port sshd_pid netconfd_pid < <(tests/peers/netconf/start-netconf.sh "$work" "$user" "" candidate 2>"$work/start.err" || { cat "$work/start.err" >&2; exit 1; })
pids="$sshd_pid $netconfd_pid"

mkdir -p bench/results
out="bench/results/netconf-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench=(bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench netconf --port "$port" --user "$user" --key "$work/id_ed25519"
       --known-hosts "$work/known_hosts" --ncclient-script bench/netconf/ncclient_edit_commit.py "$@")
echo "run.sh: ${bench[*]}" | tee "$out"
status=0
"${bench[@]}" 2>&1 | tee -a "$out" || status=$?
echo "run.sh: exit $status; output in $out"
exit "$status"
