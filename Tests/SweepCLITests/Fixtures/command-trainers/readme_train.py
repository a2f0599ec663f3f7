#!/usr/bin/env python3
"""A command trainer: one JSON line per epoch, then one result line (stdlib only)."""
import argparse, json, math

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, required=True)
parser.add_argument("--epochs", type=int, required=True)
args = parser.parse_args()

def send(kind, body):  # one protocol line, flushed so the sweep sees it at once
    print(json.dumps({kind: body}), flush=True)

print(f"training with lr {args.lr}")  # other lines are ignored: log freely
for epoch in range(1, args.epochs + 1):
    # Train one epoch and evaluate here; this toy peaks at lr = 0.01.
    ap_small = epoch / args.epochs * math.exp(-abs(math.log10(args.lr) + 2))
    send("epoch", {"epoch": epoch, "loss": 1 / epoch, "ap_small": ap_small})
send("result", {"ap_small": ap_small, "ap50_small": min(1.0, 2 * ap_small)})
