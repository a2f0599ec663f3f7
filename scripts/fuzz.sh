#!/usr/bin/env bash
# Builds and runs one libFuzzer target (see Tests/Fuzz/README.md).
#
#   scripts/fuzz.sh TARGET SECONDS   fuzz TARGET for SECONDS, starting from Tests/Fuzz/TARGET/corpus
#   scripts/fuzz.sh TARGET --replay  run every reproducer in Tests/Fuzz/TARGET/crashes once;
#                                    exit 0 only when none crashes, hangs or runs out of memory
#   scripts/fuzz.sh all --replay     the same for every target
#
# TARGET: sweep-spec, data-yaml, coco-json, png, jpeg, training-config.
# The fuzz build (Swift code with AddressSanitizer and libFuzzer coverage, -DFUZZING) lives in
# .build-fuzz; new corpus entries go to .build-fuzz/corpus/TARGET (scratch), crashes to
# Tests/Fuzz/TARGET/crashes/.
# A run restarts after a finding until SECONDS are used up (at most FUZZ_MAX_FINDINGS, default 5);
# it exits 1 when it found anything.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly TARGETS="sweep-spec data-yaml coco-json png jpeg training-config"
readonly SCRATCH=.build-fuzz
# Leak checks are off: FoundationEssentials' String(contentsOfFile:) leaks 4 KB on every empty file
# (Swift 6.3), which stopped each run at once without saying anything about this project's code.
readonly LIMITS=(-timeout=10 -rss_limit_mb=2048 -detect_leaks=0)
# -detect_leaks=0 only stops libFuzzer's per-input check; LeakSanitizer's check at exit would
# still report that leak and turn the end of a clean run into a finding.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's own crash handler would start swift-backtrace (which hangs under ASan) instead of
# letting libFuzzer record the crash.
export SWIFT_BACKTRACE=enable=no

usage() {
    echo "usage: $0 TARGET SECONDS | $0 TARGET --replay | $0 all --replay" >&2
    echo "TARGET: $TARGETS" >&2
    exit 1
}

product() {
    case "$1" in
        sweep-spec) echo FuzzSweepSpec ;;
        data-yaml) echo FuzzDataYAML ;;
        coco-json) echo FuzzCOCOJSON ;;
        png) echo FuzzPNG ;;
        jpeg) echo FuzzJPEG ;;
        training-config) echo FuzzTrainingConfig ;;
        *) echo "unknown fuzz target '$1' (expected one of: $TARGETS)" >&2; exit 1 ;;
    esac
}

build() {
    # swiftc keeps only its last -sanitize flag, so SwiftPM's --sanitize=fuzzer --sanitize=address
    # would leave Swift code without coverage: the combined flag comes last. --sanitize=fuzzer
    # stays so that SwiftPM links libFuzzer's main instead of the target's (renamed) entry point.
    swift build --product "$1" --scratch-path "$SCRATCH" --sanitize=fuzzer \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >&2
    echo "$SCRATCH/debug/$1"
}

# Replays the committed reproducers of one target; prints one line each, returns how many failed.
replay() {
    local target=$1 binary failed=0 file
    binary=$(build "$(product "$target")")
    shopt -s nullglob
    for file in Tests/Fuzz/"$target"/crashes/*; do
        [[ -f $file && $(basename "$file") != README.md ]] || continue
        if "$binary" "${LIMITS[@]}" "$file" > "$SCRATCH/replay.log" 2>&1; then
            echo "ok       $file"
        else
            echo "FAILS    $file: $(grep -m1 -E 'ERROR|Fatal error|error:' "$SCRATCH/replay.log" || tail -1 "$SCRATCH/replay.log")"
            failed=$((failed + 1))
        fi
    done
    return "$failed"
}

fuzz() {
    local target=$1 seconds=$2 binary scratch crashes log start left status
    local executions=0 findings=0 max_findings=${FUZZ_MAX_FINDINGS:-5}
    binary=$(build "$(product "$target")")
    scratch="$SCRATCH/corpus/$target"
    crashes="Tests/Fuzz/$target/crashes"
    log="$SCRATCH/$target.log"
    mkdir -p "$scratch" "$crashes"
    : > "$log"
    start=$(date +%s)
    while left=$((seconds - ($(date +%s) - start))); ((left > 0 && findings < max_findings)); do
        status=0
        "$binary" "$scratch" "Tests/Fuzz/$target/corpus" "${LIMITS[@]}" -max_total_time="$left" \
            -artifact_prefix="$crashes/" -print_final_stats=1 > "$log.run" 2>&1 || status=$?
        executions=$((executions + $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log.run" \
            | tail -1 | grep -o '[0-9]*$' || echo 0)))
        { cat "$log.run"; echo "--- run ended with status $status"; } >> "$log"
        ((status == 0)) && break
        findings=$((findings + 1))
        grep -E '==ERROR|^SUMMARY|Fatal error|Test unit written to' "$log.run" | tail -3
    done
    echo "target:     $target"
    echo "seconds:    $(($(date +%s) - start))"
    echo "executions: $executions"
    echo "findings:   $findings (reproducers in $crashes/, full log in $log)"
    ((findings == 0))
}

(($# == 2)) || usage
if [[ $2 == --replay ]]; then
    failed=0
    if [[ $1 == all ]]; then
        for target in $TARGETS; do replay "$target" || failed=$((failed + $?)); done
    else
        replay "$1" || failed=$?
    fi
    echo "$failed reproducer(s) still fail"
    ((failed == 0))
elif [[ $2 =~ ^[1-9][0-9]*$ ]]; then
    fuzz "$1" "$2"
else
    usage
fi
