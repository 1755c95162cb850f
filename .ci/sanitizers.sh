#!/usr/bin/env bash
# CI: the tests of the code with threads and raw memory (the byte readers, IDTable, ScoreStore,
# mapped files, the fast number form on one thread and on two, the summary writer's chunks,
# the progress line and its lock, SHA-256 on the processor's instructions, the inputs' hashes on an idle thread) once under AddressSanitizer and
# once under ThreadSanitizer, each in its own build folder. Any sanitizer report fails it.
# KAIMEN_SANITIZER_TESTS=1 has Package.swift build only those tests' files (its list
# `sanitizerTests`), and every test in them runs under ASan; KAIMEN_SANITIZER_TESTS=thread the
# threaded ones among them (`threadSanitizerTests`) under TSan.
# KAIMEN_TEST_SMALL makes their generated sessions a fifth of the size (still split across
# threads): every instruction costs several times as much under a sanitizer, and CI has 15 minutes.
# A report ends the run at once with the sanitizer's exit code (halt_on_error, no abort: an abort
# hands the process to Swift's backtracer, and under ThreadSanitizer that hung for the rest of
# CI's time), and a run that takes longer than SANITIZE_TIMEOUT seconds (or runs past CI's
# deadline, .ci/limits.sh) is killed: either way the step fails with the end of its log printed.
#   bash .ci/sanitizers.sh            # both
#   bash .ci/sanitizers.sh address    # one
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/limits.sh
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
for kind in "${kinds[@]}"; do
  case "$kind" in
    # Built with libFuzzer's coverage counters (no libFuzzer: the sanitizer runtime has empty
    # callbacks), so that .ci/fuzz.sh links the fuzz targets against this build's KaimenKit
    # (FUZZ_FROM) instead of compiling the library a second time with ASan. The full `score --out`
    # of 300 units (BulkPreferenceTests.scoreCommand) was 81 of this step's 84 s of tests on 7
    # December (CI 1026 s on a slower machine): it runs in the suite, and the writers it drives
    # have tests of their own here. With debug information (the fuzz targets' reports name lines).
    address) scratch=.build-asan; selection=1; debuginfo=; skips=(--skip 'BulkPreferenceTests.scoreCommand')
             flags=(-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table)
             export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1} ;;
    # The tests run side by side under ThreadSanitizer too. On 2 December (session 11) one at a
    # time was faster (120 s against 167 s); on 4 December the same list took 105 s one at a time
    # on 1.07 cores, and 66-78 s side by side on 1.7 cores, so the runner's own parallelism is back.
    # The full `score --out` of 300 units (BulkPreferenceTests.scoreCommand) took 36 of TSan's
    # 181 s on 3 December: it runs under ASan and in the suite; its threads (the output
    # writer's) have tests of their own here. CI ran 855 s then, near its 15 minutes.
    # Likewise the broken roster scored end to end by both engines (BulkRosterReaderTests.endToEnd,
    # fifteen 300-unit runs, 21 of TSan's 149 s on 3 December, CI 832 s): the roster reader's
    # threads are tested here by its other tests.
    # Only the tests of code on several threads (Package.swift's threadSanitizerTests, which has no
    # BulkPreferenceTests since 7 December, so its skip above is gone).
    thread)  scratch=.build-tsan; selection=thread; debuginfo=${KAIMEN_CI_NO_DEBUG_INFO:-}; flags=(); skips=(--skip 'BulkRosterReaderTests.endToEnd'); export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1} ;;
    *) echo "usage: bash .ci/sanitizers.sh [address] [thread]" >&2; exit 64 ;;
  esac
  s=$(date +%s)
  log="/tmp/kaimen-sanitize-$kind.log"
  # `bounded` (.ci/limits.sh) stops a run past its limit, kills its test runner and says so in the log.
  status=0
  bounded "${SANITIZE_TIMEOUT:-900}" env KAIMEN_SANITIZER_TESTS="$selection" KAIMEN_CI_NO_DEBUG_INFO="$debuginfo" KAIMEN_TEST_SMALL=1 SWIFT_BACKTRACE=enable=no \
    swift test --sanitize="$kind" --scratch-path "$scratch" ${flags[@]+"${flags[@]}"} ${skips[@]+"${skips[@]}"} > "$log" 2>&1 || status=$?
  grep -E '✘|Test run with|SUMMARY: .*Sanitizer|WARNING: ThreadSanitizer' "$log" | tail -20 || true
  if [ "$status" -ne 0 ] || grep -q -E 'SUMMARY: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer' "$log"; then
    echo "--- the end of $log:" >&2
    grep -v 'ld.gold: warning' "$log" | tail -80 >&2
    echo "sanitize=$kind: FAILED (exit $status) after $(( $(date +%s) - s )) s (log: $log)" >&2
    exit 1
  fi
  echo "sanitize=$kind: ok, $(( $(date +%s) - s )) s"
done
