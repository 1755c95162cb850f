#!/usr/bin/env bash
# The Xicheng sample as an open scoring session, end to end with the built executable, and the
# journal checked by an independent Python verifier (docs/session.md, "The journal"); verify with
# the posted head hash, and with the journal cut short.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product kaimen >/dev/null
K=.build/debug/kaimen
S=samples/xicheng-2014
D=$(mktemp -d)/2014-mid
trap 'rm -rf "$(dirname "$D")"' EXIT
$K session init "$D" --rules rules/xicheng-2014.jsonc --units $S/units.csv --roster $S/roster.csv --schedule $S/schedule.csv --by 王秘书
$K session enter "$D" $S/typed-a.csv --by 录入员甲
$K session enter "$D" $S/typed-b.csv --by 录入员乙
if $K session close "$D" --by 王秘书 2>/dev/null; then echo "close should refuse a conflict" >&2; exit 1; fi
$K session resolve "$D" --rep R05 --unit X02 --standard rights.ballot --score 4 --reason "核对纸质评分表" --by 王秘书
# The head hash close prints, to post: verify finds it; cut the seal off and it does not.
head=$($K session close "$D" --by 王秘书 | sed -n 's/^日志末条哈希（可公示，供日后核验）：\([0-9a-f]\{64\}\)$/\1/p')
[ ${#head} -eq 64 ] || { echo "close printed no head hash" >&2; exit 1; }
$K session verify "$D" --head "$head"
python3 Tests/KaimenKitTests/Fixtures/reference/session/verify_journal.py "$D"
cp "$D/journal.jsonl" "$D.journal"
sed -i '$d' "$D/journal.jsonl"
if $K session verify "$D" --head "$head" 2>/dev/null; then echo "verify missed a journal cut short" >&2; exit 1; fi
if $K session verify "$D" 2>/dev/null; then echo "verify missed results left without their seal" >&2; exit 1; fi
mv "$D.journal" "$D/journal.jsonl"
# One byte changed in a sealed output must be caught by both.
cp "$D/results/summary.csv" "$D.summary"
printf 'x' >> "$D/results/summary.csv"
if $K session verify "$D" 2>/dev/null; then echo "verify missed a changed output" >&2; exit 1; fi
if python3 Tests/KaimenKitTests/Fixtures/reference/session/verify_journal.py "$D" >/dev/null; then echo "python verifier missed it" >&2; exit 1; fi
mv "$D.summary" "$D/results/summary.csv"
$K session verify "$D" >/dev/null
python3 Tests/KaimenKitTests/Fixtures/reference/session/verify_journal.py "$D" >/dev/null
# The manifest edited (its time) must be caught by both as well.
cp "$D/results/manifest.json" "$D.manifest"
sed -i 's/"created": "[^"]*"/"created": "2020-01-01T00:00:00Z"/' "$D/results/manifest.json"
cmp -s "$D/results/manifest.json" "$D.manifest" && { echo "the manifest was not edited" >&2; exit 1; }
if $K session verify "$D" 2>/dev/null; then echo "verify missed a changed manifest" >&2; exit 1; fi
if python3 Tests/KaimenKitTests/Fixtures/reference/session/verify_journal.py "$D" >/dev/null; then echo "python verifier missed the manifest" >&2; exit 1; fi
echo "session CI: ok"
