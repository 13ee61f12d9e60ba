#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine with the .NET SDK (README.md, .ci/run).
# 1. Installs the real protocol peers the tests talk to (tests/peers/install.sh: apt, as root).
# 2. Builds the solution (which assembles out/NetOpsPS/<version>/) and runs every test project.
# 3. Prints one closing line "tests: N passed, N failed, N skipped" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${CONFIGURATION:-Release}"

if [ "$(id -u)" = 0 ]; then
  bash tests/peers/install.sh
else
  echo "run-all.sh: not root; assuming the peers are installed (sudo bash tests/peers/install.sh)" >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Projects build once here (warnings are errors); the test run then uses that build.
dotnet build NetOpsPS.sln -c "$configuration" -warnaserror -nologo -v:minimal || exit $?
dotnet test NetOpsPS.sln -c "$configuration" --no-build --nologo -v:minimal 2>&1 | tee "$log" || status=$?

# dotnet test prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...") per assembly.
awk '/(Passed|Failed)! +- +Failed:/ {
        gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
assemblies=$(grep -cE '(Passed|Failed)! +- +Failed:' "$log" || true)
if [ "$assemblies" -eq 0 ]; then
  echo "run-all.sh: no test assembly reported a result" >&2
  exit 1
fi
exit "$status"
