/// Paints the cluttered, low-saturation background of a synthetic image.
enum SyntheticBackground {
    static func paint(_ canvas: inout SyntheticCanvas, rng: inout SplitMix64) {
        let size = Float(canvas.size)
        let grey = rng.uniform(0.25, 0.65)
        let tint = { (rng: inout SplitMix64) in grey + rng.uniform(-0.08, 0.08) }
        let base = (tint(&rng), tint(&rng), tint(&rng))
        let gradient = (
            rng.uniform(-0.12, 0.12), rng.uniform(-0.12, 0.12),
            rng.uniform(-0.12, 0.12)
        )
        let frequency = (rng.uniform(0.01, 0.1), rng.uniform(-0.1, 0.1))
        var direction = (rng.uniform(-1, 1), rng.uniform(-1, 1))
        let length = (direction.0 * direction.0 + direction.1 * direction.1).squareRoot()
        direction = length > 0.1 ? (direction.0 / length, direction.1 / length) : (1, 0)
        canvas.paintBackground(
            base: base, gradient: gradient, direction: direction,
            texture: rng.uniform(0.01, 0.06), frequency: frequency, phase: rng.unit())
        for _ in 0..<rng.int(in: 2...5) {
            let d = rng.uniform(-0.2, 0.2)
            canvas.addBlob(
                x: rng.uniform(0, size), y: rng.uniform(0, size),
                radius: rng.uniform(0.08, 0.35) * size,
                delta: (
                    d + rng.uniform(-0.05, 0.05), d + rng.uniform(-0.05, 0.05),
                    d + rng.uniform(-0.05, 0.05)
                ))
        }
        for _ in 0..<rng.int(in: 1...5) {
            let level = rng.uniform(0.1, 0.9)
            canvas.drawLine(
                from: (rng.uniform(0, size), rng.uniform(0, size)),
                to: (rng.uniform(0, size), rng.uniform(0, size)),
                thickness: rng.int(in: 1...2),
                colour: (
                    level + rng.uniform(-0.05, 0.05), level + rng.uniform(-0.05, 0.05),
                    level + rng.uniform(-0.05, 0.05)
                ))
        }
    }
}
