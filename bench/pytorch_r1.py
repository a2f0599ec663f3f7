"""Reference network R1 trained with PyTorch on one CPU thread (run by hand, never by CI).

Prints training images/s at batch sizes 16, 32 and 64, with forward (and loss), backward and the
optimizer step split out (medians per step), so the figure can be compared side by side with
`sweep-cli bench trainer --networks r1` on the same machine.

    pip install torch
    python3 bench/pytorch_r1.py [--steps 10] [--warmup 2] [--batch-sizes 16 32 64]
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


def median(values: list) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def bench(batch: int, steps: int, warmup: int) -> dict:
    """Medians over `steps` timed steps (after `warmup` untimed ones), as `sweep-cli bench trainer`."""
    torch.manual_seed(0)
    model = r1()
    opt = torch.optim.SGD(model.parameters(), lr=0.0001, momentum=0.9, weight_decay=5e-4)
    x = torch.rand(batch, 3, 128, 128)
    cls_target = (torch.rand(batch, 4, 32, 32) > 0.98).float()
    box_target = torch.rand(batch, 4, 32, 32)
    fwd, bwd, step_times, total = [], [], [], []
    for step in range(warmup + steps):
        t0 = time.perf_counter()
        out = model(x)
        loss = loss_fn(out, cls_target, box_target)
        t1 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        if step >= warmup:
            fwd.append(t1 - t0)
            bwd.append(t2 - t1)
            step_times.append(t3 - t2)
            total.append(t3 - t0)
    per_image = 1000 / batch
    return {
        "batch_size": batch,
        "images_per_second": batch / median(total),
        "forward_ms_per_image": per_image * median(fwd),
        "backward_ms_per_image": per_image * median(bwd),
        "optimizer_ms_per_image": per_image * median(step_times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[16, 32, 64])
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    for batch in args.batch_sizes:
        print(json.dumps(bench(batch, args.steps, args.warmup)))


if __name__ == "__main__":
    main()
