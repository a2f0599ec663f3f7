#!/usr/bin/env bash
# Sets up the machine and runs the whole test suite.
#
# The PostgreSQL store's tests need a server: unless SWEEP_TEST_POSTGRES_URL names one, a
# throw-away server is started (scripts/local-postgres.sh) and stopped at the end, and
# SWEEP_REQUIRE_POSTGRES=1 makes those tests fail, not skip, should it be missing.
# The Slurm job-array test needs a cluster: unless SLURM_CONF names one, a throw-away
# single-node cluster is started (scripts/local-slurm.sh, as root) and stopped at the end, and
# SWEEP_TEST_SLURM=1 SWEEP_REQUIRE_SLURM=1 make that test run, and fail should it be missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
stops=()
trap 'for stop in "${stops[@]}"; do $stop || true; done' EXIT
if [[ -z ${SWEEP_TEST_POSTGRES_URL:-} ]]; then
    export SWEEP_LOCAL_POSTGRES_STATE
    SWEEP_LOCAL_POSTGRES_STATE=$(mktemp -u /tmp/sweep-test-postgres.XXXXXX)
    stops+=("bash scripts/local-postgres.sh stop")
    SWEEP_TEST_POSTGRES_URL=$(bash scripts/local-postgres.sh start | tail -n 1)
    export SWEEP_TEST_POSTGRES_URL SWEEP_REQUIRE_POSTGRES=1
fi
if [[ -z ${SLURM_CONF:-} ]]; then
    export SWEEP_LOCAL_SLURM_STATE
    SWEEP_LOCAL_SLURM_STATE=$(mktemp -u /tmp/sweep-test-slurm.XXXXXX)
    stops+=("bash scripts/local-slurm.sh stop")
    export SLURM_CONF
    SLURM_CONF=$(bash scripts/local-slurm.sh start | tail -n 1 | sed 's/^export SLURM_CONF=//')
fi
export SWEEP_TEST_SLURM=1 SWEEP_REQUIRE_SLURM=1
swift build --build-tests
swift test --skip-build
