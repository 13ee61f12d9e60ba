# Sourced by the start scripts (POSIX sh). The readiness loop, the liveness test and the failure path
# live here once, so each start script only says what is special about its peer.
# The caller sets PEERS (the tests/peers folder) before sourcing.

# alive <pid>: true while the process runs. A zombie counts as gone: on hosts whose PID 1 does not reap
# orphans (containers without an init), a stopped daemon stays a zombie and `kill -0` would still succeed.
alive() {
  [ -r "/proc/$1/stat" ] || return 1
  _state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
  [ -n "$_state" ] && [ "$_state" != Z ] && [ "$_state" != X ]
}

# STARTED holds the PIDs this script launched; abort stops them so a failed start leaves nothing behind.
STARTED=""

# abort <message> [log...]: the message and where to look on stderr, stop what was started, exit 1.
# (The C# helper quotes the tails of every log in the work folder, so they are not repeated here.)
abort() {
  _msg=$1; shift
  [ $# -gt 0 ] && _msg="$_msg; see $*"
  echo "$_msg" >&2
  for _p in $STARTED; do "$PEERS/lib/stop-pid.sh" "$_p" 2 >/dev/null 2>&1 || true; done
  exit 1
}

# wait_ready <seconds> <what> <log> <command...>: polls <command> every 0.1 s until it succeeds.
# Bounded: aborts (naming the log) when the time is up or when any PID in STARTED has died.
wait_ready() {
  _secs=$1; _what=$2; _log=$3; shift 3
  _end=$(( $(date +%s) + _secs ))
  until "$@" >/dev/null 2>&1; do
    for _p in $STARTED; do alive "$_p" || abort "$_what exited during startup (pid $_p)" "$_log"; done
    [ "$(date +%s)" -lt "$_end" ] || abort "$_what not ready after ${_secs} s" "$_log"
    sleep 0.1
  done
}

# need <file...>: fail early, naming the missing file, instead of a confusing error further down.
need() {
  for _f in "$@"; do
    [ -x "$_f" ] || abort "missing $_f; run tests/peers/install.sh as root"
  done
}
