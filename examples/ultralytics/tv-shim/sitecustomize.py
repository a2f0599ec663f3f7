"""Offline stand-in for torchvision's C++ operators. NOT needed with a matching torchvision.

Only for a machine that has a CPU torch but can install nothing but PyPI's CUDA torchvision wheel,
whose _C.so fails to load (it needs libtorch_cuda), so `import torchvision` dies with "operator
torchvision::nms does not exist". Python imports this file at start-up when its folder is on
PYTHONPATH (sweep.yaml's env does that). It defines the schemas torchvision's import registers
fake kernels for, implements torchvision::nms on the CPU in plain torch, and lets
torchvision.ops.nms call it. Every other torchvision operator (roi_align, deform_conv2d, ...)
stays missing and fails when called; YOLO detection training needs none of them.
"""
import torch

_lib = torch.library.Library("torchvision", "DEF")
_lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
_lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")  # schema only


def _nms_cpu(dets, scores, iou_threshold):
    """Greedy NMS as torchvision's CPU kernel: visit boxes by descending score (stable sort), keep
    one unless suppressed, suppress every later box whose IoU with it is > iou_threshold. Same
    float ops in the same order, so the same IoUs; they are compared with the threshold in double
    precision, as the C++ kernel does. Returns the kept indices into dets, best first."""
    order = scores.sort(stable=True, descending=True).indices
    x1, y1, x2, y2 = dets[order].unbind(1)
    areas = (x2 - x1) * (y2 - y1)
    suppressed = torch.zeros(len(order), dtype=torch.bool)
    keep = []
    for i in range(len(order)):
        if suppressed[i]:
            continue
        keep.append(i)
        w = (torch.minimum(x2[i], x2[i + 1:]) - torch.maximum(x1[i], x1[i + 1:])).clamp(min=0)
        h = (torch.minimum(y2[i], y2[i + 1:]) - torch.maximum(y1[i], y1[i + 1:])).clamp(min=0)
        inter = w * h
        iou = inter / (areas[i] + areas[i + 1:] - inter)
        suppressed[i + 1:] |= iou.double() > iou_threshold
    return order[torch.tensor(keep, dtype=torch.long)]


_lib.impl("nms", _nms_cpu, "CPU")

import torchvision.ops.boxes  # noqa: E402  (now imports: the schemas above exist)

# torchvision.ops.nms refuses to run without the C++ library; the operator it calls exists now.
torchvision.ops.boxes._assert_has_ops = lambda: None
