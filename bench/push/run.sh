#!/usr/bin/env bash
# The batch push benchmark of issue 7 (bench/README.md, "Batch push"): builds the bench program and runs
# `NetOpsPS.Bench push`, which starts 20 real netconfd peers (tests/peers/netconf/start-netconf.sh; as root,
# netconfd runs as the peertest user that tests/peers/install.sh creates), pushes one ietf-system change to
# all of them with ThrottleLimit 1 and then with ThrottleLimit 20, and prints both times and their ratio. With
# --rtt-ms N it then repeats both through a TCP delay relay per peer (N/2 ms each way): devices N ms away.
#
# usage (from anywhere, as root): bench/push/run.sh [--devices 20] [--rtt-ms 0]   (extra args go to the bench)
# Output also goes to bench/results/push-<UTC time>.txt (not committed). The peers are stopped at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
[ -x /usr/sbin/netconfd ] || { echo "run.sh: needs netconfd (tests/peers/install.sh as root)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build bench/NetOpsPS.Bench/NetOpsPS.Bench.csproj -c Release -nologo -v:minimal --disable-build-servers
mkdir -p bench/results
out="bench/results/push-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench push --peers "$repo/tests/peers" "$@" 2>&1 | tee "$out"
exit "${PIPESTATUS[0]}"
