#!/usr/bin/env bash
# The SNMP benchmark of issue 5 (bench/README.md, "SNMP"): builds bench/NetOpsPS.Bench and runs
# `NetOpsPS.Bench snmp`, which starts snmpd agents from tests/peers/snmp/start-snmpd.sh on 127.0.0.1,
# then (1) walks one agent fully over SNMPv3 authPriv (SHA-256/AES-128), NetOpsPS against net-snmp's
# snmpbulkwalk at the same max-repetitions, alternating, and (2) polls all agents at once, NetOpsPS's
# clients against as many snmpget processes.
#
# usage (from anywhere): bench/snmp/run.sh [snmp options]   e.g. --walks 25 --agents 50 --max-repetitions 10
#   bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench snmp --help lists the options.
# Needs the Debian packages snmpd and snmp (tests/peers/install.sh). Output also goes to
# bench/results/snmp-<UTC time>.txt (not committed). Every agent started here is stopped when this script ends.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# shellcheck source=bench/lib.sh
. bench/lib.sh

for tool in /usr/sbin/snmpd /usr/bin/snmpbulkwalk /usr/bin/snmpget; do
  [ -x "$tool" ] || { echo "run.sh: $tool is missing: apt-get install snmpd snmp (or tests/peers/install.sh)" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node or compiler server may outlive the script.
dotnet build bench/NetOpsPS.Bench/NetOpsPS.Bench.csproj -c Release -nologo -v:minimal --disable-build-servers

mkdir -p bench/results
out="bench/results/snmp-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench=(bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench snmp --peers tests/peers "$@")
echo "run.sh: ${bench[*]}" | tee "$out"

# The bench also stops its agents by PID when it ends normally; the group is the backstop.
run_in_group agents "$out" "${bench[@]}"
