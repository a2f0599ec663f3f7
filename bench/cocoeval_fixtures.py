#!/usr/bin/env python3
"""Recomputes the `expected` block of every COCO reference case with pycocotools.

The cases live in Tests/COCOEvalTests/Fixtures/cocoeval/ (format: README.md there, algorithm:
SPEC.md there). Run by hand, never by the tests:

    pip install pycocotools==2.0.11
    python3 bench/cocoeval_fixtures.py            # check: exit 1 if any expected value moved
    python3 bench/cocoeval_fixtures.py --write    # rewrite the expected blocks in place

Inputs (images, categories, annotations, detections) are kept as they are; only `expected`
and `expected_source` are rewritten, so a new pycocotools release can be checked against the
evaluator's tests.
"""
import argparse
import contextlib
import io
import json
import pathlib
import sys
from importlib.metadata import version

import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests/COCOEvalTests/Fixtures/cocoeval"


def evaluate(case):
    """The 12 stats and the per-category small/all APs pycocotools gives for one case."""
    gt = COCO()
    gt.dataset = {
        "images": case["images"],
        "categories": case["categories"],
        "annotations": case["annotations"],
    }
    with contextlib.redirect_stdout(io.StringIO()):
        gt.createIndex()
        detections = [dict(d) for d in case["detections"]]
        dt = gt.loadRes(detections) if detections else COCO()
        if not detections:
            dt.dataset = {"images": case["images"], "categories": case["categories"], "annotations": []}
            dt.createIndex()
        ev = COCOeval(gt, dt, "bbox")
        ev.evaluate()
        ev.accumulate()
        ev.summarize()
    precision = ev.eval["precision"]  # [T, R, K, A, M]
    recall = ev.eval["recall"]  # [T, K, A, M]
    area = {name: i for i, name in enumerate(ev.params.areaRngLbl)}
    last = len(ev.params.maxDets) - 1

    def mean_or_undefined(values):
        values = values[values > -1]
        return float(np.mean(values)) if values.size else -1.0

    per_ap_small, per_ar_small, per_ap = {}, {}, {}
    for k, cat in enumerate(ev.params.catIds):
        per_ap_small[str(cat)] = mean_or_undefined(precision[:, :, k, area["small"], last])
        per_ar_small[str(cat)] = mean_or_undefined(recall[:, k, area["small"], last])
        per_ap[str(cat)] = mean_or_undefined(precision[:, :, k, area["all"], last])
    return {
        "stats": [float(s) for s in ev.stats],
        "per_category_ap_small": per_ap_small,
        "per_category_ar_small": per_ar_small,
        "per_category_ap": per_ap,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the expected blocks")
    args = parser.parse_args()
    files = sorted(FIXTURES.glob("*.json"))
    if not files:
        sys.exit(f"no fixtures in {FIXTURES}")
    moved = 0
    for path in files:
        case = json.loads(path.read_text())
        expected = evaluate(case)
        if expected != case["expected"]:
            moved += 1
            print(f"{path.name}: expected values differ from pycocotools {version('pycocotools')}")
        if args.write:
            case["expected"] = expected
            case["expected_source"] = {
                "library": "pycocotools",
                "version": version("pycocotools"),
                "numpy": np.__version__,
                "iouType": "bbox",
            }
            path.write_text(json.dumps(case, separators=(",", ":")))
    print(f"{len(files)} cases, {moved} differ from pycocotools {version('pycocotools')}")
    sys.exit(1 if moved and not args.write else 0)


if __name__ == "__main__":
    main()
