#!/usr/bin/env bash
# Sets up the machine, builds the release CLI and runs the quick-start sweep on the built-in
# synthetic dataset (`run` ends by printing the ranking) and exports the ranking as CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --static-swift-stdlib --product sweep-cli
cli=.build/release/sweep-cli
"$cli" run sweeps/quickstart.yaml --db results/sweeps.sqlite
"$cli" export quickstart --db results/sweeps.sqlite --out results/quickstart-best.csv
echo "ranking exported to results/quickstart-best.csv"
