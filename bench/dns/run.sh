#!/usr/bin/env bash
# The DNS proxy benchmark of issue 4 (bench/README.md, "DNS proxy"): dnsperf against NetOpsPS's DnsProxy
# (started by Start-DnsProxy in the netops host) and against dnsmasq configured as a forwarding proxy,
# both in front of the same backend (unbound serving test.example from tests/peers/dns), with the cache
# on and with it off, alternating between the two proxies in each round. Prints queries per second, the
# queries lost, and our/dnsmasq ratios (goals: >= 1.0 with cache, >= 1.5 without, zero lost).
#
# usage (from anywhere): bench/dns/run.sh [--duration S] [--rounds N] [--clients C] [--outstanding Q]
# Output also goes to bench/results/dns-<UTC time>.txt (not committed). Everything started here (unbound,
# both dnsmasq, netops) is stopped when the script ends, however it ends.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
duration=10 rounds=3 clients=1 outstanding=100
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --outstanding) outstanding=$2; shift 2 ;;
    *) echo "usage: bench/dns/run.sh [--duration S] [--rounds N] [--clients C] [--outstanding Q]" >&2; exit 64 ;;
  esac
done

for tool in /usr/bin/dnsperf:dnsperf /usr/sbin/dnsmasq:dnsmasq-base /usr/sbin/unbound:unbound /usr/bin/dig:dnsutils; do
  [ -x "${tool%%:*}" ] || { echo "run.sh: ${tool%%:*} is missing: apt-get install ${tool##*:}" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The host builds the module folder (out/NetOpsPS/<version>) too. No build server may outlive the script.
dotnet build src/NetOpsPS.Host/NetOpsPS.Host.csproj -c Release -nologo -v:minimal --disable-build-servers >&2
netops=src/NetOpsPS.Host/bin/Release/net10.0/netops

work=$(mktemp -d /tmp/netops-dns-bench.XXXXXX)
pids=()
cleanup() {
  exec 3>&- 2>/dev/null || true
  for pid in "${pids[@]}"; do tests/peers/lib/stop-pid.sh "$pid" 5 >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "run.sh: interrupted" >&2; exit 130' INT TERM
freeport() { tests/peers/lib/freeport.sh both; }

mkdir -p bench/results
out="bench/results/dns-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "DNS proxy benchmark, $(date -u +%FT%TZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dnsperf -l $duration -c $clients -q $outstanding -d tests/peers/dns/queries.txt; $rounds rounds, proxies alternating"
} | tee "$out"

# The backend both proxies forward to.
read -r backend backend_pid < <(tests/peers/dns/start-unbound.sh "$work/unbound")
pids+=("$backend_pid")

# dnsmasq forwarding with and without its cache.
start_dnsmasq() { # <name> <cache-size> <variable for the port>; not in a $(...) subshell, so pids+= sticks
  local dir="$work/$1" port; port=$(freeport); mkdir -p "$dir"
  sed -e "s|@PORT@|$port|" -e "s|@UPSTREAM@|$backend|" -e "s|@CACHE@|$2|" -e "s|@DIR@|$dir|" bench/dns/dnsmasq-forward.conf.in > "$dir/dnsmasq.conf"
  local user=""; [ "$(id -u)" = 0 ] && user="--user=nobody --group=nogroup"
  # shellcheck disable=SC2086
  /usr/sbin/dnsmasq -k -C "$dir/dnsmasq.conf" $user </dev/null >"$dir/dnsmasq.out" 2>&1 &
  pids+=("$!")
  printf -v "$3" '%s' "$port"
}
start_dnsmasq dnsmasq-cache 10000 dnsmasq_cache
start_dnsmasq dnsmasq-nocache 0 dnsmasq_nocache

# Ours: two proxies in one netops process, which runs until its standard input (fd 3 here) closes.
ours_cache=$(freeport); ours_nocache=$(freeport)
mkfifo "$work/netops.in"
"$netops" -c "
  \$c = Start-DnsProxy -Upstream 127.0.0.1:$backend -Port $ours_cache -Name bench-cache -ReceiveBufferSize 4194304
  \$n = Start-DnsProxy -Upstream 127.0.0.1:$backend -Port $ours_nocache -Name bench-nocache -NoCache -ReceiveBufferSize 4194304
  'ready'
  \$null = [Console]::In.ReadLine()
  Get-DnsProxy | ForEach-Object { '{0}: {1} queries, {2} hits, {3} coalesced, {4} upstream errors' -f \$_.Name, \$_.Statistics.Queries, \$_.Statistics.CacheHits, \$_.Statistics.Coalesced, \$_.Statistics.UpstreamErrors }
" <"$work/netops.in" >"$work/netops.out" 2>&1 &
pids+=("$!")
exec 3>"$work/netops.in"

ready() { /usr/bin/dig +time=1 +tries=1 +short -p "$1" @127.0.0.1 www.test.example A 2>/dev/null | grep -qx 192.0.2.10; }
for port in "$dnsmasq_cache" "$dnsmasq_nocache" "$ours_cache" "$ours_nocache"; do
  for _ in $(seq 100); do ready "$port" && break; sleep 0.2; done
  ready "$port" || { echo "run.sh: nothing answers on port $port" >&2; cat "$work/netops.out" >&2; exit 1; }
done

# One dnsperf run: prints "<qps> <lost>".
perf() { # <port> <seconds>
  /usr/bin/dnsperf -s 127.0.0.1 -p "$1" -d tests/peers/dns/queries.txt -l "$2" -c "$clients" -q "$outstanding" 2>&1 |
    awk '/Queries lost:/ { lost = $3 } /Queries per second:/ { qps = $4 } END { printf "%.0f %d\n", qps, lost }'
}

declare -A qps lost
for mode in cache nocache; do
  if [ "$mode" = cache ]; then ours=$ours_cache theirs=$dnsmasq_cache; else ours=$ours_nocache theirs=$dnsmasq_nocache; fi
  perf "$ours" 2 >/dev/null; perf "$theirs" 2 >/dev/null   # warm-up: JIT, caches
  for round in $(seq "$rounds"); do
    # Alternate who goes first, so a change in the machine's load falls on both.
    order="ours theirs"; [ $((round % 2)) = 0 ] && order="theirs ours"
    for who in $order; do
      port=$ours; [ "$who" = theirs ] && port=$theirs
      read -r q l < <(perf "$port" "$duration")
      qps[$mode,$who]="${qps[$mode,$who]:-} $q"; lost[$mode,$who]=$(( ${lost[$mode,$who]:-0} + l ))
      printf '%-8s %-7s round %d: %8d qps, %d lost\n' "$mode" "$([ "$who" = ours ] && echo NetOpsPS || echo dnsmasq)" "$round" "$q" "$l" | tee -a "$out"
    done
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
status=0
{
  echo
  printf '%-8s %14s %14s %7s %6s %s\n' mode "NetOpsPS qps" "dnsmasq qps" ratio goal "lost (ours/dnsmasq)"
  for mode in cache nocache; do
    o=$(echo "${qps[$mode,ours]}" | median); t=$(echo "${qps[$mode,theirs]}" | median)
    goal=1.0; [ "$mode" = nocache ] && goal=1.5
    ratio=$(awk -v o="$o" -v t="$t" 'BEGIN { printf "%.2f", (t > 0) ? o / t : 0 }')
    met=$(awk -v r="$ratio" -v g="$goal" -v l="${lost[$mode,ours]}" 'BEGIN { print (r >= g && l == 0) ? "met" : "MISSED" }')
    [ "$met" = met ] || status=3
    printf '%-8s %14s %14s %7s %6s %s/%s %s\n' "$mode" "$o" "$t" "${ratio}x" ">=$goal" "${lost[$mode,ours]}" "${lost[$mode,theirs]}" "$met"
  done
  echo "(medians of $rounds rounds; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
} | tee -a "$out"
exec 3>&-
for _ in $(seq 50); do grep -q "bench-nocache:" "$work/netops.out" && break; sleep 0.1; done
grep "^bench-" "$work/netops.out" | tee -a "$out" || true
echo "run.sh: output in $out"
exit "$status"
