#!/usr/bin/env bash
# Runs the scheduler, trial store and worker tests under ThreadSanitizer (own build folder,
# .build-tsan). Extra arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly SUITES='Scheduler|TrialStore|ConcurrentRead|RunLock|Worker|SweepProgress|ProgressLine'
# scripts/tsan.supp: reports that are ThreadSanitizer not seeing Synchronization.Mutex (see there).
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp}
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$SUITES" "$@"
