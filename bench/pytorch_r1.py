"""Reference network R1 trained with PyTorch on one CPU thread (run by hand, never by CI).

Prints training images/s at batch sizes 16, 32 and 64, with forward and backward split out, so the
figure can be compared side by side with `sweep-cli bench trainer` on the same machine.

    pip install torch
    python3 bench/pytorch_r1.py [--steps 20] [--batch-sizes 16 32 64]
"""

import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def r1() -> nn.Module:
    """R1: NCHW float32, input 3x128x128, output 8x32x32."""
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, 1, 1), nn.SiLU(),
        nn.Conv2d(16, 32, 3, 2, 1), nn.SiLU(),
        nn.Conv2d(32, 32, 3, 1, 1), nn.SiLU(),
        nn.Conv2d(32, 64, 3, 2, 1), nn.SiLU(),
        nn.Conv2d(64, 64, 3, 1, 1), nn.SiLU(),
        nn.Conv2d(64, 8, 1, 1, 0),
    )


def loss_fn(out: torch.Tensor, cls_target: torch.Tensor, box_target: torch.Tensor) -> torch.Tensor:
    """Sigmoid focal loss (alpha 0.25, gamma 2) on channels 0-3 plus L1 on channels 4-7."""
    logits, boxes = out[:, :4], out[:, 4:]
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, cls_target, reduction="none")
    p_t = p * cls_target + (1 - p) * (1 - cls_target)
    alpha_t = 0.25 * cls_target + 0.75 * (1 - cls_target)
    focal = (alpha_t * ce * (1 - p_t) ** 2).sum()
    return focal / out.shape[0] + F.l1_loss(boxes, box_target)


def bench(batch: int, steps: int) -> dict:
    torch.manual_seed(0)
    model = r1()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    x = torch.rand(batch, 3, 128, 128)
    cls_target = (torch.rand(batch, 4, 32, 32) > 0.98).float()
    box_target = torch.rand(batch, 4, 32, 32)
    fwd = bwd = 0.0
    for step in range(steps + 3):
        t0 = time.perf_counter()
        out = model(x)
        loss = loss_fn(out, cls_target, box_target)
        t1 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        t2 = time.perf_counter()
        if step >= 3:
            fwd += t1 - t0
            bwd += t2 - t1
    images = batch * steps
    return {
        "batch_size": batch,
        "images_per_second": images / (fwd + bwd),
        "forward_ms_per_image": 1000 * fwd / images,
        "backward_ms_per_image": 1000 * bwd / images,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[16, 32, 64])
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    for batch in args.batch_sizes:
        print(json.dumps(bench(batch, args.steps)))


if __name__ == "__main__":
    main()
