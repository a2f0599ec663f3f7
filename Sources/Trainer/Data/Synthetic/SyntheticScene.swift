/// Places labelled objects and unlabelled distractors on a synthetic image.
enum SyntheticScene {
    private struct Rect {
        var x: Int, y: Int, width: Int, height: Int

        func intersection(_ other: Rect) -> Int {
            let w = min(x + width, other.x + other.width) - max(x, other.x)
            let h = min(y + height, other.y + other.height) - max(y, other.y)
            return max(0, w) * max(0, h)
        }
    }

    /// Draws 2–12 objects and 1–5 distractors in a shuffled order and returns the labels.
    static func place(on canvas: inout SyntheticCanvas, rng: inout SplitMix64)
        -> [ObjectAnnotation]
    {
        let objectCount = rng.int(in: 2...12)
        var labelled = [Bool](repeating: true, count: objectCount)
        labelled += [Bool](repeating: false, count: rng.int(in: 1...5))
        for i in stride(from: labelled.count - 1, to: 0, by: -1) {
            labelled.swapAt(i, rng.int(in: 0...i))
        }
        var objects: [ObjectAnnotation] = []
        var boxes: [Rect] = []
        for isObject in labelled {
            let shape =
                isObject
                ? SyntheticShape.classes[rng.int(in: 0...SyntheticShape.classes.count - 1)]
                : distractorShape(&rng)
            var rect = size(of: shape, canvas: canvas.size, rng: &rng)
            guard position(&rect, avoiding: boxes, canvas: canvas.size, rng: &rng) else {
                continue
            }
            let colour = isObject ? jitter(shape.classColour, &rng) : distractorColour(shape, &rng)
            guard
                let box = canvas.drawShape(
                    shape, x: rect.x, y: rect.y, width: rect.width, height: rect.height,
                    colour: colour, shading: rng.uniform(-0.3, 0.3))
            else { continue }
            guard isObject else { continue }
            boxes.append(Rect(x: box.x, y: box.y, width: box.width, height: box.height))
            objects.append(
                ObjectAnnotation(
                    classIndex: shape.rawValue,
                    box: BoundingBox(
                        x: Float(box.x), y: Float(box.y), width: Float(box.width),
                        height: Float(box.height))))
        }
        return objects
    }

    private static func distractorShape(_ rng: inout SplitMix64) -> SyntheticShape {
        let all = SyntheticShape.allCases
        return all[rng.int(in: 0...all.count - 1)]
    }

    private static func distractorColour(_ shape: SyntheticShape, _ rng: inout SplitMix64)
        -> SyntheticCanvas.Colour
    {
        if SyntheticShape.distractors.contains(shape), rng.chance(0.5) {
            let any = SyntheticShape.classes[rng.int(in: 0...SyntheticShape.classes.count - 1)]
            return jitter(any.classColour, &rng)
        }
        let colours = SyntheticShape.distractorColours
        return jitter(colours[rng.int(in: 0...colours.count - 1)], &rng)
    }

    private static func jitter(_ c: SyntheticCanvas.Colour, _ rng: inout SplitMix64)
        -> SyntheticCanvas.Colour
    {
        let gain = rng.uniform(0.85, 1.1)
        return (
            min(1, max(0, c.0 * gain + rng.uniform(-0.08, 0.08))),
            min(1, max(0, c.1 * gain + rng.uniform(-0.08, 0.08))),
            min(1, max(0, c.2 * gain + rng.uniform(-0.08, 0.08)))
        )
    }

    /// Side lengths: small (4–24 px, biased small) mostly, medium (32–64 px) at times.
    private static func size(of shape: SyntheticShape, canvas: Int, rng: inout SplitMix64)
        -> Rect
    {
        let maxSide = min(64, canvas / 2)
        let side: Int
        if maxSide >= 32, rng.chance(0.12) {
            side = rng.int(in: 32...maxSide)
        } else {
            let u = rng.unit()
            side = 4 + Int(u * u * Float(min(24, maxSide) - 3))
        }
        var width = side
        var height = side
        switch shape {
        case .triangle, .cross, .diamond:
            height = max(4, min(maxSide, Int(Float(side) * rng.uniform(0.8, 1.25))))
        case .bar:
            width = max(2, side / rng.int(in: 3...5))
            if rng.chance(0.5) { swap(&width, &height) }
        case .circle, .square, .ring:
            break
        }
        return Rect(x: 0, y: 0, width: width, height: height)
    }

    /// Picks a position fully inside the canvas that covers at most half of every earlier
    /// labelled box; sometimes right next to (overlapping) one of them. `false` if none found.
    private static func position(
        _ rect: inout Rect, avoiding boxes: [Rect], canvas: Int,
        rng: inout SplitMix64
    ) -> Bool {
        let maxX = canvas - rect.width
        let maxY = canvas - rect.height
        for _ in 0..<20 {
            if !boxes.isEmpty, rng.chance(0.2) {
                let anchor = boxes[rng.int(in: 0...boxes.count - 1)]
                rect.x =
                    anchor.x + anchor.width / 2 + rng.int(in: -rect.width...0)
                    + (rng.chance(0.5) ? anchor.width / 2 : -anchor.width / 2)
                rect.y = anchor.y + rng.int(in: -rect.height / 2...anchor.height / 2)
                rect.x = min(max(0, rect.x), maxX)
                rect.y = min(max(0, rect.y), maxY)
            } else {
                rect.x = rng.int(in: 0...maxX)
                rect.y = rng.int(in: 0...maxY)
            }
            let hidesOne = boxes.contains { 2 * rect.intersection($0) > $0.width * $0.height }
            if !hidesOne { return true }
        }
        return false
    }
}
