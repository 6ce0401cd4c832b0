#!/bin/sh
# Fuzzes the readers (project file, CASE JSON, Moodle CSV, ESCO CSV) and the key handler with
# libFuzzer, each for a fixed number of runs. Usage, from the repository root:
#
#     Tests/Fuzz/run.sh [runs per target, default 20000] [targets…]
#
# The library targets are built with coverage instrumentation (-sanitize=fuzzer) in their own
# build folder, .build/fuzz, so the normal build is untouched; the target itself
# (Tests/Fuzz/PathwayFuzz.swift) is linked against them with libFuzzer's main. Seeds come from
# Tests/Fuzz/Corpus/<target> (esco: esco-skills); inputs libFuzzer finds are kept in .build/fuzz/corpus/<target>.
# A crash leaves its input as .build/fuzz/crash-* and the script exits non-zero.
set -eu
cd "$(dirname "$0")/../.."
runs=${1:-20000}
[ $# -gt 0 ] && shift
targets=${*:-project case moodle esco keys}
build=.build/fuzz
swift build -c release --build-path "$build" -Xswiftc -sanitize=fuzzer --target PathwayTUI
products=$build/release
objects=""
for module in PathwayModel PathwayEngine PathwayExchange PathwayTUI; do
    objects="$objects $(ls "$products/$module.build/"*.o | tr '\n' ' ')"
done
# shellcheck disable=SC2086
swiftc -O -sanitize=fuzzer -parse-as-library -module-name PathwayFuzz -I "$products/Modules" \
    Tests/Fuzz/PathwayFuzz.swift $objects -o "$build/pathway-fuzz"
total=0
for target in $targets; do
    mkdir -p "$build/corpus/$target"
    seeds=Tests/Fuzz/Corpus/$target
    [ "$target" = esco ] && seeds=Tests/Fuzz/Corpus/esco-skills
    log="$build/fuzz-$target.log"
    echo "== $target: $runs runs"
    PATHWAY_FUZZ_TARGET=$target "$build/pathway-fuzz" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$build/" -print_final_stats=1 "$build/corpus/$target" "$seeds" >"$log" 2>&1 || {
        tail -40 "$log"
        echo "FUZZ $target: a crash or hang; the input is in $build/ (see $log)"
        exit 1
    }
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    corpus=$(sed -n 's/.*DONE.*corp: \([0-9]*\).*/\1/p' "$log" | tail -1)
    echo "FUZZ $target: ${done_runs:-?} executions, 0 crashes, 0 hangs; corpus ${corpus:-?} inputs"
    total=$((total + ${done_runs:-0}))
done
echo "FUZZ total: $total executions"
