# shellcheck shell=bash
# Shared by bench/*/run.sh (sourced, not run).

# run_in_group <what the bench starts, for the interrupt message> <output file> <command...>
# Runs the command with its output also appended to the file, then exits the script with its status.
# Job control puts the command and every process it starts (servers, agents, socat's forks) in one
# process group of their own, led by a subshell; the EXIT trap stops that group however the script ends:
# TERM, up to 5 s to go, then KILL.
run_in_group() {
  local what=$1 out=$2 status=0
  shift 2
  set -m
  ( "$@" 2>&1 | tee -a "$out"; exit "${PIPESTATUS[0]}" ) &
  bench_group=$!
  set +m
  trap stop_bench_group EXIT
  # shellcheck disable=SC2064 # $what is meant to be expanded now
  trap "echo 'run.sh: interrupted: stopping the bench and its $what' >&2; exit 130" INT TERM
  wait "$bench_group" || status=$?
  echo "run.sh: exit $status; output in $out"
  exit "$status"
}

stop_bench_group() {
  if kill -0 -- "-$bench_group" 2>/dev/null; then
    kill -TERM -- "-$bench_group" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 -- "-$bench_group" 2>/dev/null || return 0
      sleep 0.1
    done
    kill -KILL -- "-$bench_group" 2>/dev/null || true
  fi
}
