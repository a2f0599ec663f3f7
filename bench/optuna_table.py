#!/usr/bin/env python3
"""Optuna's samplers replayed over a completed grid: the counterpart of `sweep-cli bench search`.

    python3 bench/optuna_table.py TABLE.csv [--seeds 30] [--gap 0.01] [--jobs K] [--json]

TABLE.csv is a `sweep-cli export` CSV of a completed full grid (a config without a row diverged
or failed in the grid run and counts as a failed trial; at most a tenth may). Every parameter (lr, weight_decay,
batch_size, loss) is categorical over the table's distinct values (in order of first appearance);
a trial looks its objective (--objective, default ap_small) up and is maximised. Duplicates are
allowed, as Optuna proposes them. A run counts the trials until one lands within --gap of the
table's best; a run that never does counts --budget + 1 (default budget: the table's size).
With --jobs K, K trials are asked before their results are told (TPE with constant_liar=True,
as `sweep-cli bench search --jobs K` does). Prints median / mean / p90 per sampler, or with
--json one object {"table": {...}, "methods": {"random": {...}, "tpe": {...}, "gp": {...}}}.
Needs `pip install optuna` (and torch for GPSampler). Run by hand; no test runs it.
"""

import argparse
import csv
import json
import math
import sys

PARAMETERS = ["lr", "weight_decay", "batch_size", "loss"]


def read_table(path, objective):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        sys.exit(f"{path}: no trials; expected the export of a completed full grid")
    for column in PARAMETERS + [objective]:
        if column not in rows[0]:
            sys.exit(f"{path}: no column '{column}' in the header")
    choices = {name: [] for name in PARAMETERS}
    values = {}
    for line, row in enumerate(rows, start=2):
        key = tuple(row[name] for name in PARAMETERS)
        for name in PARAMETERS:
            if row[name] not in choices[name]:
                choices[name].append(row[name])
        try:
            value = float(row[objective])
        except ValueError:
            sys.exit(f"{path}:{line}: {objective}: '{row[objective]}' is not a number")
        if not math.isfinite(value):
            sys.exit(f"{path}:{line}: {objective}: '{row[objective]}' is not finite")
        if key in values:
            sys.exit(f"{path}:{line}: configuration {key} appears twice")
        values[key] = value
    expected = math.prod(len(c) for c in choices.values())
    # A config without a row diverged or failed in the grid run: looking it up is a failed trial.
    if len(values) * 10 < expected * 9:
        sys.exit(f"{path}: {len(values)} configurations, but the distinct values make {expected}")
    return choices, values, expected


def make_sampler(name, seed, jobs):
    import optuna

    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed, constant_liar=jobs > 1)
    if name == "gp":
        return optuna.samplers.GPSampler(seed=seed)
    sys.exit(f"--method: unknown sampler '{name}', expected random, tpe, gp")


def trials_needed(name, seed, choices, values, target, budget, jobs):
    import optuna

    study = optuna.create_study(direction="maximize", sampler=make_sampler(name, seed, jobs))
    outstanding = []
    proposed = 0
    finished = 0
    while finished < budget:
        while proposed < budget and len(outstanding) < jobs:
            trial = study.ask()
            key = tuple(trial.suggest_categorical(n, choices[n]) for n in PARAMETERS)
            outstanding.append((trial, values.get(key)))
            proposed += 1
        trial, value = outstanding.pop(0)
        finished += 1
        if value is None:
            study.tell(trial, state=optuna.trial.TrialState.FAIL)
            continue
        study.tell(trial, value)
        if value >= target:
            return finished
    return budget + 1


def quantile(sorted_values, q):
    position = q * (len(sorted_values) - 1)
    below = math.floor(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)


def statistics(runs):
    ordered = sorted(runs)
    return {
        "median": quantile(ordered, 0.5),
        "mean": sum(ordered) / len(ordered),
        "p90": quantile(ordered, 0.9),
        "runs": runs,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("table")
    parser.add_argument("--objective", default="ap_small")
    parser.add_argument("--method", default="random,tpe,gp")
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--gap", type=float, default=0.01)
    parser.add_argument("--budget", type=int)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.seeds < 1 or args.jobs < 1 or args.gap < 0:
        sys.exit("--seeds and --jobs must be at least 1, --gap at least 0")

    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    choices, values, configs = read_table(args.table, args.objective)
    best = max(values.values())
    budget = args.budget or configs
    methods = {}
    for name in args.method.split(","):
        runs = [
            trials_needed(name, seed, choices, values, best - args.gap, budget, args.jobs)
            for seed in range(args.seeds)
        ]
        methods[name] = statistics(runs)
    if args.json:
        table = {"configs": configs, "absent": configs - len(values), "best": best}
        print(json.dumps({"table": table, "methods": methods}, sort_keys=True))
        return
    absent = f" ({configs - len(values)} diverged or failed)" if configs > len(values) else ""
    print(f"table: {configs} configs{absent}, best {best}; trials to reach best - {args.gap} "
          f"(optuna {optuna.__version__}, jobs {args.jobs}):")
    for name, stats in methods.items():
        print(f"{name}: median {stats['median']}, mean {stats['mean']:.1f}, "
              f"p90 {stats['p90']:.1f} over {len(stats['runs'])} seeds")


if __name__ == "__main__":
    main()
