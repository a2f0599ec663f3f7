#!/usr/bin/env bash
# Sets up the machine and runs the whole test suite.
#
# The PostgreSQL store's tests need a server: unless SWEEP_TEST_POSTGRES_URL names one, a
# throw-away server is started (scripts/local-postgres.sh) and stopped at the end, and
# SWEEP_REQUIRE_POSTGRES=1 makes those tests fail, not skip, should it be missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [[ -z ${SWEEP_TEST_POSTGRES_URL:-} ]]; then
    export SWEEP_LOCAL_POSTGRES_STATE
    SWEEP_LOCAL_POSTGRES_STATE=$(mktemp -u /tmp/sweep-test-postgres.XXXXXX)
    trap 'bash scripts/local-postgres.sh stop' EXIT
    SWEEP_TEST_POSTGRES_URL=$(bash scripts/local-postgres.sh start | tail -n 1)
    export SWEEP_TEST_POSTGRES_URL SWEEP_REQUIRE_POSTGRES=1
fi
swift build --build-tests
swift test --skip-build
