#!/usr/bin/env bash
# TLS handshake extraction (bench/README.md, "TLS handshakes"): generates a capture of N TLS connections and
# times, in one run, NetOpsPS's engine (pcap reader + TCP reassembly + hello decode + JA3/JA4), Get-TlsHandshake
# through the embedded PowerShell host (netops), and tshark -Y tls.handshake.type==1 -T fields; prints the ratios.
#
# usage (from anywhere): bench/tls/run.sh [--handshakes N]      (default 20000; needs tshark)
# Output also goes to bench/results/tls-<UTC time>.txt (not committed); the capture is deleted at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
[ -x /usr/bin/tshark ] || { echo "run.sh: needs tshark: sudo apt-get install tshark" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build src/NetOpsPS.Host -c Release -nologo -v:minimal --disable-build-servers >&2
netops=$(ls -d src/NetOpsPS.Host/bin/Release/*/ | head -1)netops
mkdir -p bench/results
out="bench/results/tls-$(date -u +%Y%m%dT%H%M%SZ).txt"
echo "run.sh: dotnet run -c Release bench/tls/TlsBench.cs -- --netops $netops $*" | tee "$out"
dotnet run -c Release --disable-build-servers bench/tls/TlsBench.cs -- --netops "$netops" "$@" 2>&1 | tee -a "$out"
