#!/usr/bin/env python3
"""Checks tv-shim's torchvision::nms against a plain greedy NMS in float32 scalars with the
semantics of torchvision's CPU kernel (stable descending-score order, float32 IoU, the threshold
compared in double), on random boxes. Run with the shim enabled:
PYTHONPATH=tv-shim python3 check_nms.py"""
import numpy as np
import torch
import torchvision


def iou_float32(a, b):
    w = max(np.float32(0), min(a[2], b[2]) - max(a[0], b[0]))
    h = max(np.float32(0), min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def reference_nms(dets, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")  # scores.sort(stable=True, descending=True)
    suppressed = np.zeros(len(dets), dtype=bool)
    keep = []
    for _i, i in enumerate(order):
        if suppressed[i]:
            continue
        keep.append(i)
        for j in order[_i + 1:]:
            if suppressed[j]:
                continue
            if float(iou_float32(dets[i], dets[j])) > iou_threshold:  # C++ compares in double
                suppressed[j] = True
    return keep


rng = np.random.default_rng(0)
cases = kept = 0
for n in [0, 1, 2, 5, 50, 200]:
    for _ in range(20):
        xy = rng.uniform(0, 100, (n, 2)).astype(np.float32)
        wh = rng.uniform(1, 30, (n, 2)).astype(np.float32)
        dets = np.concatenate([xy, xy + wh], 1)
        scores = rng.uniform(0, 1, n).astype(np.float32)
        if n > 2:  # exact duplicates and tied scores, where only the stable order decides
            dets[1], scores[1] = dets[0], scores[0]
            scores[2] = scores[0]
        thresholds = [0.0, 0.3, 0.5, 0.7, 1.0]
        if n == 2:  # the pair's float32 IoU itself and the double just below it: the > decides
            iou = iou_float32(dets[0], dets[1])
            thresholds += [float(iou), np.nextafter(float(iou), 0.0)]
        for thr in thresholds:
            got = torchvision.ops.nms(torch.from_numpy(dets), torch.from_numpy(scores), thr).tolist()
            want = reference_nms(dets, scores, thr)
            assert got == want, (n, thr, got, want)
            cases += 1
            kept += len(got)
print(f"nms: {cases} cases, {kept} kept boxes, identical to the reference")
