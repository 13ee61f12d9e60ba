#!/usr/bin/env bash
# The reliable UDP benchmark of issue 4 (bench/README.md, "Reliable UDP"): builds the bench program
# and runs `NetOpsPS.Bench udp`: one transfer per scenario, direct on loopback and through the
# impairment relay at 0%, 5% and 20% loss, printing goodput and the retransmission overhead ratio
# against the ideal messages / (1 - loss) (goal <= 1.5). Everything runs in one process on 127.0.0.1.
#
# usage (from anywhere): bench/udp/run.sh [udp options]   e.g. --messages 50000 --size 1000 --runs 5
# Output also goes to bench/results/udp-<UTC time>.txt (not committed).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node or compiler server may outlive the script.
dotnet build bench/NetOpsPS.Bench/NetOpsPS.Bench.csproj -c Release -nologo -v:minimal --disable-build-servers

mkdir -p bench/results
out="bench/results/udp-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench=(bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench udp "$@")
echo "run.sh: ${bench[*]}" | tee "$out"
# The bench is one process with no children; a bounded run (the transfers are counted, and a
# stalled transfer fails after its retries) still gets a time limit so nothing can hang here.
timeout --signal=TERM --kill-after=10 600 "${bench[@]}" 2>&1 | tee -a "$out"
exit "${PIPESTATUS[0]}"
