# Sourced by .ci/run and .ci/sanitizers.sh: time limits, so that a hang fails CI with a message
# and the end of its log instead of running into the CI runner's own limit.
#
# CI_DEADLINE (seconds since the epoch) is the whole run's deadline, set once by .ci/run (or here,
# when a script runs alone): 30 minutes, twice the 15-minute budget. A step gets its own limit or
# what is left before the deadline, whichever is less.
: "${CI_DEADLINE:=$(( $(date +%s) + 1800 ))}"
export CI_DEADLINE

# The seconds a step may take: at most $1, and never past the deadline.
step_limit() {
  local left=$(( CI_DEADLINE - $(date +%s) ))
  [ "$left" -gt 0 ] || left=1
  [ "$1" -lt "$left" ] && echo "$1" || echo "$left"
}

# Kills (KILL) every process whose command line contains $1: the test runners that
# `swift test` starts in a process group of its own, which timeout's signal does not reach.
# Reads /proc itself, so it needs no procps on the machine.
kill_matching() {
  local p cmd
  for p in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null) || continue
    case "$cmd" in
      *"$1"*) kill -KILL "${p#/proc/}" 2>/dev/null || true ;;
    esac
  done
}

# `bounded LIMIT COMMAND…`: runs the command for at most `step_limit LIMIT` seconds; when it runs
# over, kills this checkout's test runners too and says so. Returns the command's status.
bounded() {
  local limit
  limit=$(step_limit "$1"); shift
  local status=0
  timeout --kill-after=20 "$limit" "$@" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    kill_matching "$PWD/.build"
    echo "ci: '$*' was still running after $limit s and was stopped" >&2
  fi
  return "$status"
}
