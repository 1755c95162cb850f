#!/usr/bin/env bash
# Builds kaimen's fuzz targets with libFuzzer and AddressSanitizer:
#   bash Fuzz/build.sh [TARGET…]        (default: every target in Fuzz/Targets)
# The library is compiled once, as a static library, from Sources/KaimenKit (and its one
# dependency, Sources/Instructions) with
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
sha="$B/libInstructions.a"
# Rebuilt when the sources differ from the copy the library was built from. Instructions
# (SHA-256 on the processor's SHA extensions, the summary's cells on AVX-512, a header function
# for a vector byte compare) is compiled first with the toolchain's clang under the same
# sanitizers, every C file of it, with a module map naming every header so KaimenKit can import it.
if [ ! -f "$lib" ] || [ ! -f "$sha" ] || ! diff -rq Sources/KaimenKit "$B/src/KaimenKit" > /dev/null 2>&1 \
   || ! diff -rq Sources/Instructions "$B/src/Instructions" > /dev/null 2>&1; then
  echo "building the library for fuzzing (a few minutes)…" >&2
  # From a copy, so editing the sources meanwhile does not stop the build.
  rm -rf "$B/src" && mkdir -p "$B/src" && cp -R Sources/KaimenKit Sources/Instructions "$B/src/"
  clang=$(dirname "$(command -v swiftc)")/clang
  [ -x "$clang" ] || clang=clang
  objects=()
  for c in "$B"/src/Instructions/*.c; do
    o="$B/$(basename "$c" .c).o"
    "$clang" -fsanitize=fuzzer-no-link,address -g -O1 -I "$B/src/Instructions/include" -c "$c" -o "$o"
    objects+=("$o")
  done
  rm -f "$sha" && ar rcs "$sha" "${objects[@]}"
  mkdir -p "$B/modules/Instructions"
  { echo 'module Instructions {'
    for h in "$B"/src/Instructions/include/*.h; do echo "  header \"$(cd "$(dirname "$h")" && pwd)/$(basename "$h")\""; done
    echo '  export *'
    echo '}'
  } > "$B/modules/Instructions/module.modulemap"
  swiftc "${FLAGS[@]}" -I "$B/modules/Instructions" -wmo -module-name KaimenKit -emit-module -emit-module-path "$B/KaimenKit.swiftmodule" \
    -num-threads 2 -emit-library -static $(find "$B/src/KaimenKit" -name '*.swift' | sort) -o "$lib.tmp"
  mv "$lib.tmp" "$lib"
fi
for t in "${targets[@]}"; do
  src="Fuzz/Targets/$t.swift"
  [ -f "$src" ] || { echo "no fuzz target $t (see Fuzz/Targets)" >&2; exit 64; }
  exe="$B/fuzz-$t"
  if [ ! -x "$exe" ] || [ "$lib" -nt "$exe" ] || [ "$src" -nt "$exe" ] || [ Fuzz/Targets/Support.swift -nt "$exe" ]; then
    echo "linking $exe" >&2
    swiftc "${FLAGS[@]}" -I "$B" -I "$B/modules/Instructions" Fuzz/Targets/Support.swift "$src" "$lib" "$sha" -o "$exe"
  fi
done
