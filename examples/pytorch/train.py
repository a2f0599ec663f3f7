#!/usr/bin/env python3
"""The embedded sweep trainer's detector in PyTorch, as a command trainer.

Mirrors Sources/Trainer: the CenterNet-style detector (conv3x3-BN-SiLU stages 16/s2, 32/s2,
48, 48, 64, then a 1x1 head of `classes + 4` channels), its seeded initialisation, the target
encoding on the stride-4 grid, the `mse`/`ce`/`focal` heatmap losses plus the L1 box loss,
SGD with momentum and weight decay on conv weights only, linear warm-up then cosine decay per
step, horizontal flips with probability 0.5, the same shuffling, and the decoding (3x3 peaks,
score >= 0.001, at most 100 per image). The initial weights, the data order and the flips are
drawn from SplitMix64 exactly as the embedded trainer draws them, so both start from the same
weights and see the same batches; only floating-point summation order differs.

Reads a YOLO `data.yaml` (as `sweep-cli dataset export` writes it; PNG images, decoded here with
the standard library), trains, and writes COCO detections for the val split to `--out`, with the
image ids `sweep-cli dataset coco` gives (file stems when all are whole numbers, else positions
from 1). Standard library and torch only. Threads: 1, or `TORCH_NUM_THREADS`.
"""

import argparse
import json
import math
import os
import struct
import sys
import zlib

import torch
import torch.nn.functional as F
from torch import nn

MASK64 = (1 << 64) - 1
STAGES = [(16, 2), (32, 2), (48, 1), (48, 1), (64, 1)]  # DetectorArchitecture.standard
STRIDE = 4
HEATMAP_PRIOR = 0.1
MIN_SCORE = 0.001
MAX_DETECTIONS = 100
PAD_GREY = 114


def f32(x):
    """Rounds a Python float to float32, so float32 arithmetic can be mirrored op by op."""
    return struct.unpack("f", struct.pack("f", x))[0]


class SplitMix64:
    """The project's generator (COCOEval/Random/SplitMix64.swift and its Trainer extension)."""

    def __init__(self, seed, stream=None):
        if stream is None:
            self.state = seed & MASK64
        else:
            self.state = SplitMix64(seed ^ ((stream * 0xD1B54A32D192ED03) & MASK64)).next()

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 40) * 2.0**-24

    def int_in(self, lower, upper):
        return lower + ((self.next() * (upper - lower + 1)) >> 64)

    def chance(self, p):
        return self.unit() < p


# ---------------------------------------------------------------- data


def read_png(path):
    """An 8-bit RGB/RGBA/grey non-interlaced PNG as (width, height, bytes in HWC RGB order)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: only 8-bit non-interlaced grey/RGB(A) PNGs are read")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    pixels = torch.frombuffer(bytearray(b"".join(rows)), dtype=torch.uint8)
    pixels = pixels.view(height, width, channels)
    if channels < 3:
        pixels = pixels[:, :, :1].expand(height, width, 3)
    return width, height, pixels[:, :, :3]


def read_data_yaml(path):
    """The `train`, `val` and class names of a flat YOLO data.yaml (the form export writes)."""
    keys, names = {}, []
    in_names = False
    for line in open(path, encoding="utf-8"):
        text = line.split(" #")[0].rstrip()
        if not text.strip():
            continue
        if in_names and text.startswith((" ", "\t", "-")):
            value = text.strip().lstrip("-").strip()
            value = value.split(":", 1)[1].strip() if ":" in value else value
            names.append(value.strip("'\""))
            continue
        in_names = False
        key, _, value = text.partition(":")
        value = value.strip()
        if key.strip() == "names":
            if value.startswith("["):
                names = [n.strip().strip("'\"") for n in value.strip("[]").split(",") if n.strip()]
            else:
                in_names = True
        else:
            keys[key.strip()] = value.strip("'\"")
    root = os.path.join(os.path.dirname(os.path.abspath(path)), keys.get("path", ""))
    for split in ("train", "val"):
        if split not in keys:
            raise ValueError(f"{path}: no '{split}' key")
    if not names:
        raise ValueError(f"{path}: no class names")
    return {s: os.path.join(root, keys[s]) for s in ("train", "val")}, names


def list_images(folder):
    found = []
    for base, _, files in os.walk(folder):
        found += [os.path.join(base, f) for f in files if f.lower().endswith((".png",))]
    if not found:
        raise ValueError(f"{folder}: no PNG images")
    return sorted(found)


def label_path(image):
    head, sep, tail = image.rpartition("/images/")
    return os.path.splitext(head + "/labels/" + tail if sep else image)[0] + ".txt"


def taps(source, target):
    """ImageResizer's bilinear taps (pixel-centre aligned), in float32: for each target index the
    lower and upper source index and the upper one's weight."""
    scale = f32(source / target)
    lower, upper, weight = [], [], []
    for i in range(target):
        s = min(float(source - 1), max(0.0, f32(f32((i + 0.5) * scale) - 0.5)))
        lower.append(int(s))
        upper.append(min(int(s) + 1, source - 1))
        weight.append(s - int(s))
    return lower, upper, torch.tensor(weight)


def resize(pixels, width, height):
    """ImageResizer.resize of `[3, H, W]` float32 pixels, op for op (F.interpolate rounds
    differently in the last bit, enough to change 0.2% of the bytes)."""
    x0, x1, wx = taps(pixels.shape[2], width)
    y0, y1, wy = taps(pixels.shape[1], height)
    wy = wy[:, None]
    row0, row1 = pixels[:, y0], pixels[:, y1]
    top = row0[:, :, x0] * (1 - wx) + row0[:, :, x1] * wx
    bottom = row1[:, :, x0] * (1 - wx) + row1[:, :, x1] * wx
    return top * (1 - wy) + bottom * wy


def load_split(folder, size, class_count):
    """Images letterboxed to `size`² as uint8 CHW (ImageFit), objects in those pixels, and per
    image (id, original width, height, scale, left, top) to map detections back."""
    images, objects, meta = [], [], []
    paths = list_images(folder)
    stems = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    numeric = all(s.isdigit() for s in stems)
    for index, path in enumerate(paths):
        width, height, hwc = read_png(path)
        scale = min(size / width, size / height)
        cw = min(size, max(1, round(width * scale)))
        ch = min(size, max(1, round(height * scale)))
        left, top = (size - cw) // 2, (size - ch) // 2
        chw = hwc.permute(2, 0, 1)
        if (cw, ch) != (width, height):
            scaled = resize(chw.float() / 255, cw, ch).clamp(0, 1) * 255
            whole = scaled.floor()  # halves round up, as Swift's rounded(), not to even
            chw = torch.where(scaled - whole >= 0.5, whole + 1, whole).to(torch.uint8)
        canvas = torch.full((3, size, size), PAD_GREY, dtype=torch.uint8)
        canvas[:, top : top + ch, left : left + cw] = chw
        boxes = []
        labels = label_path(path)
        if os.path.exists(labels):
            for number, line in enumerate(open(labels, encoding="utf-8"), 1):
                fields = line.split()
                if not fields:
                    continue
                try:
                    c = int(fields[0])
                    x, y, w, h = (float(v) for v in fields[1:5])
                except (ValueError, IndexError):
                    raise ValueError(f"{labels}:{number}: not 'class x y w h': {line.strip()!r}")
                if not 0 <= c < class_count:
                    raise ValueError(f"{labels}:{number}: class {c} outside 0..<{class_count}")
                x0, y0 = max(0, (x - w / 2) * cw), max(0, (y - h / 2) * ch)
                x1, y1 = min(cw, (x + w / 2) * cw), min(ch, (y + h / 2) * ch)
                x, y = f32(f32(x0) + left), f32(f32(y0) + top)
                boxes.append((c, x, y, f32(x1 - x0), f32(y1 - y0)))
        images.append(canvas)
        objects.append(boxes)
        meta.append((int(stems[index]) if numeric else index + 1, width, height, scale, left, top))
    return torch.stack(images), objects, meta


# ---------------------------------------------------------------- model


def conv_weight(rng, out_ch, in_ch, k, gain):
    """Conv2D's init: uniform ±gain·sqrt(3/fanIn), drawn in [out, in, k, k] order, in float32."""
    count = out_ch * in_ch * k * k
    u = torch.tensor([(rng.next() >> 40) * 2.0**-23 - 1 for _ in range(count)], dtype=torch.float32)
    one = torch.tensor(1.0)  # float32 scalar: the bound is rounded as Swift's Float rounds it
    bound = gain * one * torch.sqrt(3 * one / (in_ch * k * k))
    return (u * bound).view(out_ch, in_ch, k, k)


class Detector(nn.Sequential):
    """Detector.swift: conv3x3 (no bias) → BatchNorm → SiLU per stage, then a 1x1 head."""

    def __init__(self, class_count, seed):
        rng = SplitMix64(seed, 0x5EED)
        layers, channels = [], 3
        for width, stride in STAGES:
            conv = nn.Conv2d(channels, width, 3, stride, padding=1, bias=False)
            conv.weight.data.copy_(conv_weight(rng, width, channels, 3, f32(math.sqrt(2))))
            layers += [conv, nn.BatchNorm2d(width, eps=1e-5, momentum=0.1), nn.SiLU()]
            channels = width
        head = nn.Conv2d(channels, class_count + 4, 1)
        head.weight.data.copy_(conv_weight(rng, class_count + 4, channels, 1, f32(0.1)))
        head.bias.data.zero_()
        head.bias.data[:class_count] = -math.log((1 - HEATMAP_PRIOR) / HEATMAP_PRIOR)
        super().__init__(*layers, head)


# ---------------------------------------------------------------- targets and losses


def gaussian_radius(w, h, overlap=f32(0.7)):
    """TargetEncoder.gaussianRadius (CenterNet), op by op in float32."""
    b1 = f32(h + w)
    c1 = f32(f32(f32(w * h) * f32(1 - overlap)) / f32(1 + overlap))
    r1 = f32(f32(b1 + f32(math.sqrt(max(0, f32(f32(b1 * b1) - f32(4 * c1)))))) / 2)
    b2 = f32(2 * f32(h + w))
    c2 = f32(f32(f32(1 - overlap) * w) * h)
    r2 = f32(f32(b2 + f32(math.sqrt(max(0, f32(f32(b2 * b2) - f32(16 * c2)))))) / 2)
    a3 = f32(4 * overlap)
    b3 = f32(f32(-2 * overlap) * f32(h + w))
    c3 = f32(f32(f32(overlap - 1) * w) * h)
    r3 = f32(f32(b3 + f32(math.sqrt(max(0, f32(f32(b3 * b3) - f32(f32(4 * a3) * c3)))))) / 2)
    return min(r1, r2, r3)


def encode(batch_objects, class_count, height, width):
    """TargetEncoder.encode: gaussian heatmaps (1 at each centre cell) and box targets."""
    heatmap = torch.zeros(len(batch_objects), class_count, height, width)
    items, cells, values = [], [], []
    for item, objects in enumerate(batch_objects):
        for c, x, y, w, h in objects:
            if w <= 0 or h <= 0:
                continue
            cx, cy = f32(f32(x + f32(w / 2)) / STRIDE), f32(f32(y + f32(h / 2)) / STRIDE)
            ix, iy = min(width - 1, max(0, int(cx))), min(height - 1, max(0, int(cy)))
            gw, gh = f32(w / STRIDE), f32(h / STRIDE)
            r = max(0, int(gaussian_radius(gw, gh)))
            sigma = f32((2 * r + 1) / 6)
            denominator = f32(f32(2 * sigma) * sigma)
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    px, py = ix + dx, iy + dy
                    if 0 <= px < width and 0 <= py < height:
                        d2 = f32((dx * dx + dy * dy) / denominator)
                        v = 1.0 if dx == dy == 0 else math.exp(-d2)
                        heatmap[item, c, py, px] = max(heatmap[item, c, py, px].item(), f32(v))
            items.append(item)
            cells.append(iy * width + ix)
            values.append((f32(cx - ix), f32(cy - iy), math.log(gw), math.log(gh)))
    items, cells = torch.tensor(items, dtype=torch.long), torch.tensor(cells, dtype=torch.long)
    return heatmap, items, cells, torch.tensor(values).view(-1, 4)


def heatmap_loss(logits, target, kind, alpha, gamma):
    """HeatmapLoss: CenterNet positives (target 1) and (1 − t)⁴-weighted negatives, summed."""
    positive = target >= 1
    weight = (1 - target) ** 4
    p = torch.sigmoid(logits)
    if kind == "mse":
        pos, neg = (1 - p) ** 2, weight * p**2
    elif kind == "ce":
        pos, neg = F.softplus(-logits), weight * F.softplus(logits)
    else:
        pos = alpha * (1 - p) ** gamma * F.softplus(-logits)
        neg = (1 - alpha) * weight * p**gamma * F.softplus(logits)
    return torch.where(positive, pos, neg).sum()


def box_loss(output, class_count, items, cells, values):
    """BoxL1Loss: L1 on (dx, dy, log w, log h) at each object's centre cell, summed."""
    if len(items) == 0:
        return output.sum() * 0
    boxes = output[:, class_count:].flatten(2)  # [N, 4, H·W]
    predicted = boxes[items, :, cells]  # [objects, 4]
    return (predicted - values).abs().sum()


# ---------------------------------------------------------------- training


def lr_at(step, peak, warmup_steps, total_steps):
    """LearningRateSchedule: linear warm-up, then cosine decay to 0."""
    if step < warmup_steps:
        return peak * (step + 1) / warmup_steps
    decay = total_steps - warmup_steps
    if decay <= 0:
        return peak
    return peak * 0.5 * (1 + math.cos(math.pi * min(1, (step - warmup_steps) / decay)))


def load_batch(images, objects, indices, flip_rng, fliplr, size):
    """BatchLoader + Augmenter with the default settings: a flip per image, drawn in order."""
    batch = images[indices].float() / 255
    batch_objects = []
    for item, index in enumerate(indices):
        boxes = list(objects[index])
        if fliplr > 0 and flip_rng.chance(fliplr):
            batch[item] = batch[item].flip(-1)
            boxes = [(c, f32(f32(size - x) - w), y, w, h) for c, x, y, w, h in boxes]
        batch_objects.append(boxes)
    return batch, batch_objects


def decode(output, class_count, meta, size):
    """DetectionDecoder: 3x3 peaks over sigmoid ≥ 0.001, best 100, boxes in original pixels."""
    heat = output[:, :class_count]
    peaks = heat == F.max_pool2d(heat, 3, stride=1, padding=1)
    scores = torch.sigmoid(heat)
    width = output.shape[-1]
    detections = []
    for item, (image_id, image_w, image_h, scale, left, top) in enumerate(meta):
        keep = peaks[item] & (scores[item] >= MIN_SCORE)
        classes, ys, xs = keep.nonzero(as_tuple=True)
        s = scores[item][classes, ys, xs]
        cell = ys * width + xs
        order = sorted(range(len(s)), key=lambda i: (-s[i].item(), cell[i].item()))
        for i in order[:MAX_DETECTIONS]:
            y, x = ys[i].item(), xs[i].item()
            dx, dy, lw, lh = output[item, class_count:, y, x].tolist()
            if not all(math.isfinite(v) for v in (dx, dy, lw, lh)):
                continue
            cx, cy = (x + dx) * STRIDE, (y + dy) * STRIDE
            bw, bh = math.exp(lw) * STRIDE, math.exp(lh) * STRIDE
            x0, y0 = max(0, cx - bw / 2), max(0, cy - bh / 2)
            x1, y1 = min(size, cx + bw / 2), min(size, cy + bh / 2)
            if x1 <= x0 or y1 <= y0:
                continue
            # back from the letterboxed training image to the original image's pixels
            bx0, by0 = max(0, (x0 - left) / scale), max(0, (y0 - top) / scale)
            bx1, by1 = min(image_w, (x1 - left) / scale), min(image_h, (y1 - top) / scale)
            if bx1 <= bx0 or by1 <= by0:
                continue
            detections.append(
                {
                    "image_id": image_id,
                    "category_id": classes[i].item() + 1,
                    "bbox": [bx0, by0, bx1 - bx0, by1 - by0],
                    "score": s[i].item(),
                }
            )
    return detections


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="YOLO data.yaml")
    parser.add_argument("--out", required=True, help="COCO detections JSON for the val split")
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--weight-decay", type=float, default=0.0005)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--loss", choices=["mse", "ce", "focal"], default="focal")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--warmup-epochs", type=float, default=1)
    parser.add_argument("--focal-alpha", type=float, default=0.25)
    parser.add_argument("--focal-gamma", type=float, default=2)
    parser.add_argument("--fliplr", type=float, default=0.5)
    parser.add_argument("--image-size", type=int, default=128, help="letterbox side (default 128)")
    args = parser.parse_args()
    torch.set_num_threads(int(os.environ.get("TORCH_NUM_THREADS", "1")))

    try:
        folders, names = read_data_yaml(args.data)
        train_images, train_objects, _ = load_split(folders["train"], args.image_size, len(names))
        val_images, _, val_meta = load_split(folders["val"], args.image_size, len(names))
    except (OSError, ValueError) as error:
        print(json.dumps({"error": str(error)}), flush=True)
        sys.exit(1)

    class_count = len(names)
    model = Detector(class_count, args.seed)
    decays = [p for n, p in model.named_parameters() if n.endswith("weight") and p.dim() == 4]
    others = [p for n, p in model.named_parameters() if not (n.endswith("weight") and p.dim() == 4)]
    optimizer = torch.optim.SGD(
        [
            {"params": decays, "weight_decay": args.weight_decay},
            {"params": others, "weight_decay": 0},
        ],
        lr=args.lr,
        momentum=args.momentum,
    )
    count = len(train_images)
    batch_size = min(args.batch_size, max(1, count))
    steps_per_epoch = (count + batch_size - 1) // batch_size
    warmup = min(round(args.warmup_epochs * steps_per_epoch), args.epochs * steps_per_epoch)
    total = args.epochs * steps_per_epoch
    shuffle_rng = SplitMix64(args.seed, 0x5401)
    flip_rng = SplitMix64(args.seed, 0xF11B)
    order = list(range(count))
    step = 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        for i in range(count - 1, 0, -1):  # Fisher–Yates, as TrainingLoop.shuffle
            j = shuffle_rng.int_in(0, i)
            order[i], order[j] = order[j], order[i]
        loss_sum = 0.0
        for start in range(0, count, batch_size):
            indices = order[start : start + batch_size]
            images, objects = load_batch(
                train_images, train_objects, indices, flip_rng, args.fliplr, args.image_size
            )
            output = model(images)
            heatmap, items, cells, values = encode(objects, class_count, *output.shape[2:])
            normaliser = max(1, len(items))
            loss = (
                heatmap_loss(
                    output[:, :class_count], heatmap, args.loss, args.focal_alpha, args.focal_gamma
                )
                + box_loss(output, class_count, items, cells, values)
            ) / normaliser
            if not torch.isfinite(loss):
                reason = f"loss became {loss.item()} at epoch {epoch}"
                print(json.dumps({"error": reason}), flush=True)
                sys.exit(1)
            for group in optimizer.param_groups:
                group["lr"] = lr_at(step, args.lr, warmup, total)
            optimizer.zero_grad(set_to_none=False)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item()
            step += 1
        print(f"epoch {epoch}: loss {loss_sum / steps_per_epoch:.4f}", flush=True)

    model.eval()
    detections = []
    with torch.no_grad():
        for start in range(0, len(val_images), batch_size):
            output = model(val_images[start : start + batch_size].float() / 255)
            meta = val_meta[start : start + batch_size]
            detections += decode(output, class_count, meta, args.image_size)
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump(detections, file)
    print(f"wrote {len(detections)} detections to {args.out}", flush=True)


if __name__ == "__main__":
    main()
