#!/usr/bin/env bash
# Issue 8's benchmark (bench/README.md, "Metrics exporter"): builds bench/NetOpsPS.Bench and runs
# `NetOpsPS.Bench exporter`, which starts N real snmpd agents on 127.0.0.1 (tests/peers/snmp/start-snmpd.sh),
# polls them one after the other (the SNMP engine, then net-snmp's snmpget/snmpbulkwalk), scrapes the
# exporter over all of them, and prints latencies, ratios, and memory and CPU per target.
#
# usage (from anywhere): bench/exporter/run.sh [--targets 50] [--scrapes 20] [--dead 5] [--timeout 2]
# Output also goes to bench/results/exporter-<UTC time>.txt (not committed). The agents are stopped when the
# bench ends, and the whole process group when this script ends, however it ends.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# shellcheck source=bench/lib.sh
. bench/lib.sh
for f in /usr/sbin/snmpd /usr/bin/snmpget /usr/bin/snmpbulkwalk /usr/bin/python3; do
  [ -x "$f" ] || { echo "run.sh: missing $f: run tests/peers/install.sh as root (Debian packages snmpd snmp python3)" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build bench/NetOpsPS.Bench/NetOpsPS.Bench.csproj -c Release -nologo -v:minimal --disable-build-servers

mkdir -p bench/results
out="bench/results/exporter-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench=(bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench exporter "$@")
echo "run.sh: ${bench[*]} (commit $(git rev-parse --short HEAD))" | tee "$out"

run_in_group agents "$out" "${bench[@]}"
