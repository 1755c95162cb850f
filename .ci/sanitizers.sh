#!/usr/bin/env bash
# CI: the tests of the code with threads and raw memory (the byte readers, IDTable, ScoreStore,
# mapped files, the fast number form on one thread and on two, the summary writer's chunks,
# the progress line, SHA-256 on the processor's instructions) once under AddressSanitizer and
# once under ThreadSanitizer, each in its own build folder. Any sanitizer report fails it.
# KAIMEN_TEST_SMALL makes their generated sessions a fifth of the size (still split across
# threads): every instruction costs several times as much under a sanitizer, and CI has 15 minutes.
#   bash .ci/sanitizers.sh            # both
#   bash .ci/sanitizers.sh address    # one
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
for kind in "${kinds[@]}"; do
  case "$kind" in
    address) scratch=.build-asan; export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1} ;;
    thread)  scratch=.build-tsan; export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:abort_on_error=1} ;;
    *) echo "usage: bash .ci/sanitizers.sh [address] [thread]" >&2; exit 64 ;;
  esac
  s=$(date +%s)
  log="/tmp/kaimen-sanitize-$kind.log"
  set +e
  KAIMEN_TEST_SMALL=1 swift test --sanitize="$kind" --scratch-path "$scratch" \
      --filter 'Bulk|IDTable|ScoreStore|MappedRead|EngineForms|BallotRepresentatives|SummaryWriter|ProgressLine|SHA256' > "$log" 2>&1
  status=$?
  set -e
  grep -E '✘|Test run with|SUMMARY: .*Sanitizer|WARNING: ThreadSanitizer' "$log" | tail -20
  if [ "$status" -ne 0 ] || grep -q -E 'SUMMARY: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer' "$log"; then
    echo "sanitize=$kind: FAILED after $(( $(date +%s) - s )) s (log: $log)" >&2
    exit 1
  fi
  echo "sanitize=$kind: ok, $(( $(date +%s) - s )) s"
done
