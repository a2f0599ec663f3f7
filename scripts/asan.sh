#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (own build folder, .build-asan).
# Extra arguments go to `swift test` (for example --filter SweepSpecParsingTests).
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
swift build --build-tests --sanitize=address --scratch-path .build-asan
swift test --skip-build --sanitize=address --scratch-path .build-asan "$@"
