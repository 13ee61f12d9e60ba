#!/usr/bin/env bash
# The capture benchmark of issue 6 (bench/README.md, "Capture"), one command, run as root:
#   1. generates bench/results/capture-mixed.pcap: 1,000,000 packets, TCP/UDP/DNS/ICMP, IPv4/IPv6, some VLAN and QinQ;
#   2. file decode side by side: `tcpdump -nn -r`, `tshark -r -T fields` (addresses, ports, protocol, VLAN),
#      the engine's header decode (no objects) and packet objects, and `Read-PcapFile | ForEach-Object`
#      through the PowerShell engine (the netops host);
#   3. live: 100k packets/s replayed with tcpreplay into a veth pair between two network namespaces of its own,
#      captured once by the engine (LiveCapture writing a pcapng) and once by tcpdump -w, received vs dropped.
# usage: bench/capture/run.sh [packets=1000000] [live-seconds=5]
# Output also goes to bench/results/capture-<UTC time>.txt (not committed). The namespaces are deleted on exit.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
packets=${1:-1000000}
live_seconds=${2:-5}
[ "$(id -u)" = 0 ] || { echo "run.sh: run as root (live capture and network namespaces)" >&2; exit 1; }
for tool in tcpdump tshark tcpreplay ip; do
  command -v "$tool" >/dev/null || { echo "run.sh: needs $tool (apt-get install tcpdump tshark tcpreplay iproute2)" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build bench/capture/CaptureBench/CaptureBench.csproj -c Release -nologo -v:minimal --disable-build-servers >/dev/null
dotnet build src/NetOpsPS.Host/NetOpsPS.Host.csproj -c Release -nologo -v:minimal --disable-build-servers >/dev/null
bench=bench/capture/CaptureBench/bin/Release/net10.0/CaptureBench
netops=src/NetOpsPS.Host/bin/Release/net10.0/netops

mkdir -p bench/results
out="bench/results/capture-$(date -u +%Y%m%dT%H%M%SZ).txt"
file=bench/results/capture-mixed.pcap
exec > >(tee "$out") 2>&1
echo "capture bench $(date -u +%FT%TZ) on $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" generate "$file" "$packets"
ls -l "$file"

rate() { awk -v n="$packets" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
timed() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'; }

echo "== file decode, $packets packets"
t_tcpdump=$(timed tcpdump -nn -r "$file")
t_tshark=$(timed tshark -r "$file" -T fields -e ip.src -e ip.dst -e ipv6.src -e ipv6.dst -e tcp.srcport -e tcp.dstport -e udp.srcport -e udp.dstport -e ip.proto -e vlan.id)
engine=$("$bench" decode "$file")
# netops' own start (runtime, engine, module import) is measured alone and taken off the pipeline times.
t_start=$(timed "$netops" -c "0")
t_pipeline=$(timed "$netops" -c "\$n = 0; Read-PcapFile '$file' | ForEach-Object { \$n++ }; \$n")
t_where=$(timed "$netops" -c "@(Read-PcapFile '$file' | Where-Object DestinationPort -eq 53).Count")
t_pipeline=$(awk -v a="$t_pipeline" -v b="$t_start" 'BEGIN { printf "%.3f", a - b }')
t_where=$(awk -v a="$t_where" -v b="$t_start" 'BEGIN { printf "%.3f", a - b }')
echo "netops start alone: $t_start s (subtracted below)"
r_tcpdump=$(rate "$t_tcpdump"); r_tshark=$(rate "$t_tshark"); r_pipeline=$(rate "$t_pipeline"); r_where=$(rate "$t_where")
r_headers=$(echo "$engine" | awk '/^engine-headers /{sub("rate=","",$3); print $3}')
r_memory=$(echo "$engine" | awk '/^engine-headers-in-memory /{sub("rate=","",$3); print $3}')
r_objects=$(echo "$engine" | awk '/^engine-objects /{sub("rate=","",$3); print $3}')
printf '%-44s %12s packets/s\n' "tcpdump -nn -r ($t_tcpdump s)" "$r_tcpdump" "tshark -r -T fields ($t_tshark s)" "$r_tshark" \
  "engine header decode, file" "$r_headers" "engine header decode, file in memory" "$r_memory" "engine packet objects" "$r_objects" \
  "Read-PcapFile | ForEach-Object ($t_pipeline s)" "$r_pipeline" "Read-PcapFile | Where-Object ($t_where s)" "$r_where"
awk -v h="$r_headers" -v p="$r_pipeline" -v t="$r_tcpdump" -v s="$r_tshark" 'BEGIN {
  printf "engine headers / 8M goal: %.2f  (%s)\n", h / 8000000, (h >= 8000000 ? "goal met" : "GOAL MISSED");
  printf "engine headers / tcpdump: %.2f   engine headers / tshark: %.2f\n", h / t, h / s;
  printf "pipeline / tcpdump: %.2f  (%s)\n", p / t, (p >= t ? "goal met" : "GOAL MISSED") }'

echo "== live: 100k packets/s into a veth between two namespaces, $live_seconds s"
ns_tx=netops-capbench-tx; ns_rx=netops-capbench-rx
cleanup() { ip netns del "$ns_tx" 2>/dev/null || true; ip netns del "$ns_rx" 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add "$ns_tx"; ip netns add "$ns_rx"
ip link add cbtx netns "$ns_tx" type veth peer name cbrx netns "$ns_rx"
ip -n "$ns_tx" link set cbtx up; ip -n "$ns_rx" link set cbrx up
limit=$((100000 * live_seconds))
replay() { ip netns exec "$ns_tx" tcpreplay -q -i cbtx --pps 100000 --limit "$limit" "$file" 2>&1 | grep -E "^Actual|Rated" | head -2; }
live_out=$(mktemp -d)

# Each capturer is ready when it says so; the replay starts then, and the capture runs for the replay's length plus 2 s.
coproc NETOPS { ip netns exec "$ns_rx" "$bench" live cbrx "$((live_seconds + 2))" "$live_out/netops.pcapng"; }
read -r line <&"${NETOPS[0]}"; [ "$line" = ready ]
replay
netops_line=$(cat <&"${NETOPS[0]}"); wait "$NETOPS_PID" || true
echo "$netops_line"

ip netns exec "$ns_rx" tcpdump -i cbrx -nn -w "$live_out/tcpdump.pcap" 2>"$live_out/tcpdump.err" &
td=$!
until grep -q "listening on" "$live_out/tcpdump.err" 2>/dev/null; do sleep 0.05; done
replay
sleep 2 # let tcpdump drain the ring before it is stopped
kill -INT "$td"; wait "$td" || true
cat "$live_out/tcpdump.err" | grep -E "captured|received|dropped"
rm -rf "$live_out"
