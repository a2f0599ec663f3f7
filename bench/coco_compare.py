#!/usr/bin/env python3
"""Times pycocotools and faster-coco-eval (evaluate + accumulate, median of N) on the synthetic case
written by `sweep-cli bench eval --write-json DIR`, and prints their 12 stats so that they can be
compared with the Swift evaluator's. Run by hand (not in CI):

    pip install pycocotools faster-coco-eval
    swift build -c release --static-swift-stdlib && .build/release/sweep-cli bench eval --write-json /tmp/evalbench
    python3 bench/coco_compare.py /tmp/evalbench [--runs 3] [--swift-json stats.json] [--extras]

--extras also computes, with pycocotools, the project's extra numbers (AP50s: AP@0.5 small; APvt,
APt, APs_aitod: AP under the aitodpycocotools parameters, maxDets 1500) and compares them with
the --swift-json values.
"""
import argparse
import contextlib
import io
import json
import statistics
import sys
import time

import numpy as np


def time_evaluator(name, coco_cls, eval_cls, gt_path, dets_path, runs):
    with contextlib.redirect_stdout(io.StringIO()):
        gt = coco_cls(gt_path)
        dt = gt.loadRes(dets_path)
    seconds = []
    for _ in range(runs):
        with contextlib.redirect_stdout(io.StringIO()):
            evaluator = eval_cls(gt, dt, "bbox")
            start = time.perf_counter()
            evaluator.evaluate()
            evaluator.accumulate()
            seconds.append(time.perf_counter() - start)
    with contextlib.redirect_stdout(io.StringIO()):
        evaluator.summarize()
    stats = [float(s) for s in evaluator.stats[:12]]
    print(f"{name:17s} evaluate+accumulate: median {statistics.median(seconds):.4f} s "
          f"(runs: {' '.join(f'{s:.4f}' for s in seconds)})")
    return stats


def mean_valid(block):
    valid = block[block > -1]
    return -1.0 if valid.size == 0 else float(np.mean(valid))


def extras(gt_path, dets_path):
    """AP50s with the COCO defaults, and the AI-TOD very tiny / tiny / small APs."""
    from pycocotools.coco import COCO
    from pycocotools.cocoeval import COCOeval
    with contextlib.redirect_stdout(io.StringIO()):
        gt = COCO(gt_path)
        dt = gt.loadRes(dets_path)
        coco = COCOeval(gt, dt, "bbox")
        coco.evaluate()
        coco.accumulate()
        aitod = COCOeval(gt, dt, "bbox")
        aitod.params.areaRng = [[0, 1e10], [0, 64], [64, 256], [256, 1024], [1024, 1e10]]
        aitod.params.areaRngLbl = ["all", "verytiny", "tiny", "small", "medium"]
        aitod.params.maxDets = [1, 100, 1500]
        aitod.evaluate()
        aitod.accumulate()
    precision = coco.eval["precision"]
    aitod_precision = aitod.eval["precision"]
    return {
        "AP50s": mean_valid(precision[0, :, :, 1, 2]),
        "APvt": mean_valid(aitod_precision[:, :, :, 1, 2]),
        "APt": mean_valid(aitod_precision[:, :, :, 2, 2]),
        "APs_aitod": mean_valid(aitod_precision[:, :, :, 3, 2]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", help="folder with gt.json and dets.json")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--swift-json", help="output of `sweep-cli eval --json` on the same files")
    parser.add_argument("--extras", action="store_true", help="also check AP50s and the AI-TOD APs")
    args = parser.parse_args()
    gt_path = f"{args.directory}/gt.json"
    dets_path = f"{args.directory}/dets.json"

    results = {}
    from pycocotools.coco import COCO
    from pycocotools.cocoeval import COCOeval
    results["pycocotools"] = time_evaluator("pycocotools", COCO, COCOeval, gt_path, dets_path, args.runs)
    try:
        from faster_coco_eval import COCO as FCOCO
        from faster_coco_eval import COCOeval_faster
        results["faster-coco-eval"] = time_evaluator(
            "faster-coco-eval", FCOCO, COCOeval_faster, gt_path, dets_path, args.runs)
    except ImportError:
        print("faster-coco-eval not installed; skipped")

    names = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
    if args.swift_json:
        with open(args.swift_json) as f:
            swift = json.load(f)
        results["sweep (Swift)"] = [swift[n] for n in names]
    for library, stats in results.items():
        print(f"{library:17s} stats: " + " ".join(repr(s) for s in stats))
    reference = results["pycocotools"]
    for library, stats in results.items():
        worst = max(abs(a - b) for a, b in zip(stats, reference))
        print(f"{library:17s} max |diff| vs pycocotools: {worst:.3g}")
    if args.extras:
        expected = extras(gt_path, dets_path)
        for key, value in expected.items():
            line = f"pycocotools {key:9s} = {value!r}"
            if args.swift_json:
                line += f"   sweep = {swift[key]!r}   |diff| = {abs(swift[key] - value):.3g}"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
