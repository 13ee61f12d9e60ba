#!/usr/bin/env bash
# The TCP echo benchmark of issue 3 (bench/README.md, "TCP echo"): builds the Go server and the
# bench program, then runs `NetOpsPS.Bench tcp`, which starts NetOpsPS's TcpEchoServer (a child
# process), bench/tcp/go-echo and socat EXEC:cat on 127.0.0.1 and loads each in turn.
#
# usage (from anywhere): bench/tcp/run.sh [tcp options]   e.g. --duration 10 --warmup 2
#   bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench --help lists the options.
# Output also goes to bench/results/tcp-<UTC time>.txt (not committed). Every process started here
# (the bench, its servers, socat's forks) is stopped when this script ends, however it ends.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# shellcheck source=bench/lib.sh
. bench/lib.sh

missing=()
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v socat >/dev/null 2>&1 || missing+=(socat)
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "run.sh: needs ${missing[*]}: sudo apt-get install ${missing[*]}" >&2; exit 1; }
  echo "run.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" \
    || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Standard library only: the build needs no module download.
(cd bench/tcp/go-echo && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go build -o go-echo .)
# No MSBuild node or compiler server may outlive the script.
dotnet build bench/NetOpsPS.Bench/NetOpsPS.Bench.csproj -c Release -nologo -v:minimal --disable-build-servers

mkdir -p bench/results
out="bench/results/tcp-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench=(bench/NetOpsPS.Bench/bin/Release/net10.0/NetOpsPS.Bench tcp --go-echo bench/tcp/go-echo/go-echo "$@")
echo "run.sh: ${bench[*]}" | tee "$out"

run_in_group servers "$out" "${bench[@]}"
