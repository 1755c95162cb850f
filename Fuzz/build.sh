#!/usr/bin/env bash
# Builds kaimen's fuzz targets with libFuzzer and AddressSanitizer:
#   bash Fuzz/build.sh [TARGET…]        (default: every target in Fuzz/Targets)
# The library is compiled once, as a static library, from Sources/KaimenKit (and its C
# dependencies, Sources/Instructions and Sources/SignalGuard) with
# `swiftc -sanitize=fuzzer,address -parse-as-library`; each target is one file of
# Fuzz/Targets (plus Support.swift) linked against it. Output in $FUZZ_BUILD (default .build-fuzz).
# Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${FUZZ_BUILD:-.build-fuzz}
mkdir -p "$B"
# -Onone: the library builds in about half a minute instead of several (CI fuzzes each target
# for seconds only, where the build time dominates); FUZZ_OPT=-O for long runs.
FLAGS=(-sanitize=fuzzer,address -parse-as-library "${FUZZ_OPT:--Onone}" -g)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in Fuzz/Targets/*.swift; do n=$(basename "$f" .swift); [ "$n" = Support ] || targets+=("$n"); done
fi
lib="$B/libKaimenKit.a"
# FUZZ_FROM=DIR (CI: .ci/fuzz.sh after .ci/sanitizers.sh): link the targets against the KaimenKit
# that `swift test --sanitize=address` built in DIR (its debug folder: KaimenKit.build,
# Instructions.build, SignalGuard.build, Modules) with libFuzzer's coverage counters, instead of
# compiling the library here a second time.
if [ -n "${FUZZ_FROM:-}" ]; then
  F=$FUZZ_FROM
  [ -d "$F/KaimenKit.build" ] || { echo "FUZZ_FROM=$F holds no KaimenKit.build (run .ci/sanitizers.sh address first)" >&2; exit 1; }
  objects=("$F"/KaimenKit.build/*.o "$F"/Instructions.build/*.o "$F"/SignalGuard.build/*.o)
  from=(-I "$F/Modules")
  for m in Instructions SignalGuard; do from+=(-Xcc "-fmodule-map-file=$F/$m.build/module.modulemap" -Xcc -I -Xcc "Sources/$m/include"); done
  link_in=("${from[@]}") link_objects=("${objects[@]}") newest="$F/Modules/KaimenKit.swiftmodule"
else
  # KaimenKit's C dependencies: Instructions (SHA-256 on the processor's SHA extensions, the
  # summary's cells on AVX-512, a header function for a vector byte compare) and SignalGuard (the
  # mapped files' SIGBUS handler). Each is compiled first with the toolchain's clang under the same
  # sanitizers, every C file of it, into a static library, with a module map naming every header
  # so KaimenKit can import it.
  cmodules=(Instructions SignalGuard)
  clibs=() includes=()
  for m in "${cmodules[@]}"; do clibs+=("$B/lib$m.a"); includes+=(-I "$B/modules/$m"); done
  # Rebuilt when the sources differ from the copy the library was built from.
  stale=0
  [ -f "$lib" ] && diff -rq Sources/KaimenKit "$B/src/KaimenKit" > /dev/null 2>&1 || stale=1
  for m in "${cmodules[@]}"; do
    [ -f "$B/lib$m.a" ] && diff -rq "Sources/$m" "$B/src/$m" > /dev/null 2>&1 || stale=1
  done
  if [ "$stale" = 1 ]; then
    echo "building the library for fuzzing (a few minutes)…" >&2
    # From a copy, so editing the sources meanwhile does not stop the build.
    rm -rf "$B/src" && mkdir -p "$B/src" && cp -R Sources/KaimenKit "$B/src/"
    clang=$(dirname "$(command -v swiftc)")/clang
    [ -x "$clang" ] || clang=clang
    for m in "${cmodules[@]}"; do
      cp -R "Sources/$m" "$B/src/"
      objects=()
      for c in "$B/src/$m"/*.c; do
        o="$B/$m-$(basename "$c" .c).o"
        "$clang" -fsanitize=fuzzer-no-link,address -g -O1 -I "$B/src/$m/include" -c "$c" -o "$o"
        objects+=("$o")
      done
      rm -f "$B/lib$m.a" && ar rcs "$B/lib$m.a" "${objects[@]}"
      mkdir -p "$B/modules/$m"
      { echo "module $m {"
        for h in "$B/src/$m"/include/*.h; do echo "  header \"$(cd "$(dirname "$h")" && pwd)/$(basename "$h")\""; done
        echo '  export *'
        echo '}'
      } > "$B/modules/$m/module.modulemap"
    done
    swiftc "${FLAGS[@]}" "${includes[@]}" -wmo -module-name KaimenKit -emit-module -emit-module-path "$B/KaimenKit.swiftmodule" \
      -num-threads 2 -emit-library -static $(find "$B/src/KaimenKit" -name '*.swift' | sort) -o "$lib.tmp"
    mv "$lib.tmp" "$lib"
  fi
  link_in=(-I "$B" "${includes[@]}") link_objects=("$lib" "${clibs[@]}") newest="$lib"
fi
# Each target is compiled and linked by one single-threaded swiftc: as many at once as there
# are cores (a failure fails the build once every one has finished).
jobs=$(nproc) running=0 failed=0
for t in "${targets[@]}"; do
  src="Fuzz/Targets/$t.swift"
  [ -f "$src" ] || { echo "no fuzz target $t (see Fuzz/Targets)" >&2; exit 64; }
  exe="$B/fuzz-$t"
  if [ ! -x "$exe" ] || [ "$newest" -nt "$exe" ] || [ "$src" -nt "$exe" ] || [ Fuzz/Targets/Support.swift -nt "$exe" ]; then
    echo "linking $exe" >&2
    swiftc "${FLAGS[@]}" "${link_in[@]}" Fuzz/Targets/Support.swift "$src" "${link_objects[@]}" -o "$exe" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n || failed=1; running=$((running - 1)); fi
  fi
done
while [ "$running" -gt 0 ]; do wait -n || failed=1; running=$((running - 1)); done
if [ "$failed" -ne 0 ]; then echo "a fuzz target did not build (see above)" >&2; exit 1; fi
