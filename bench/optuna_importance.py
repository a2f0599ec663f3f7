#!/usr/bin/env python3
"""Optuna's fANOVA parameter importance on a sweep exported by `sweep-cli export`, beside ours.

Optuna's `get_param_importances` with `FanovaImportanceEvaluator` (64 trees, its default) is
computed on the completed trials of the ranking CSV, with the same search space as
`sweep-cli importance`: every parameter's bounds are its observed min and max (a parameter with
one value is "single" and gets 0), `loss` is categorical. Run by hand (not in CI):

    pip install optuna scikit-learn
    sweep-cli export SWEEP --out ranking.csv
    sweep-cli importance SWEEP --json > ours.json
    python3 bench/optuna_importance.py ranking.csv --ours ours.json [--seeds 5]

Prints both importances side by side and whether the orders agree. Optuna's forest is random:
with --seeds N it averages N seeds (0..N-1) before ordering.
"""
import argparse
import csv
import json
import sys

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator, get_param_importances

PARAMETERS = ["lr", "weight_decay", "batch_size", "loss"]
OBJECTIVE = "ap_small"


def completed_trials(path):
    with open(path, newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["state"] == "completed"]
    return [row for row in rows if float(row[OBJECTIVE]) >= 0]


def study_from(rows):
    lrs = [float(row["lr"]) for row in rows]
    decays = [float(row["weight_decay"]) for row in rows]
    sizes = [int(row["batch_size"]) for row in rows]
    losses = sorted({row["loss"] for row in rows})
    distributions = {
        "lr": FloatDistribution(min(lrs), max(lrs)),
        "weight_decay": FloatDistribution(min(decays), max(decays)),
        "batch_size": IntDistribution(min(sizes), max(sizes)),
        "loss": CategoricalDistribution(losses),
    }
    study = optuna.create_study(direction="maximize")
    for row in rows:
        params = {
            "lr": float(row["lr"]),
            "weight_decay": float(row["weight_decay"]),
            "batch_size": int(row["batch_size"]),
            "loss": row["loss"],
        }
        study.add_trial(
            optuna.trial.create_trial(
                params=params, distributions=distributions, value=float(row[OBJECTIVE])
            )
        )
    return study


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="the ranking CSV of `sweep-cli export SWEEP --out FILE`")
    parser.add_argument("--ours", help="the JSON of `sweep-cli importance SWEEP --json`")
    parser.add_argument("--seeds", type=int, default=5, help="Optuna forests to average")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    rows = completed_trials(args.csv)
    if len(rows) < 2:
        sys.exit(f"{args.csv}: {len(rows)} completed trials with a defined {OBJECTIVE}; need 2")
    study = study_from(rows)
    theirs = {name: 0.0 for name in PARAMETERS}
    for seed in range(args.seeds):
        importances = get_param_importances(
            study, evaluator=FanovaImportanceEvaluator(seed=seed), normalize=True
        )
        for name in PARAMETERS:
            theirs[name] += importances.get(name, 0.0) / args.seeds
    ours = {}
    if args.ours:
        with open(args.ours) as handle:
            ours = {entry["parameter"]: entry["importance"] for entry in json.load(handle)}
    print(f"{len(rows)} completed trials; fANOVA importance for {OBJECTIVE}")
    print(f"{'parameter':<14}{'optuna':>10}{'sweep-cli':>12}")
    for name in sorted(PARAMETERS, key=lambda n: -theirs[n]):
        mine = f"{ours[name]:.3f}" if name in ours else "-"
        print(f"{name:<14}{theirs[name]:>10.3f}{mine:>12}")
    if ours:
        def order(values):
            return [n for n in sorted(PARAMETERS, key=lambda n: -values.get(n, 0)) if values.get(n, 0) > 0]

        agree = order(theirs) == order(ours)
        print(f"order of the parameters with importance > 0: {'agrees' if agree else 'DIFFERS'}")
        print(f"  optuna:    {' > '.join(order(theirs))}")
        print(f"  sweep-cli: {' > '.join(order(ours))}")
        sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
