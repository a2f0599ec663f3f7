/// An RGB raster (planar CHW, float 0...1) with the drawing primitives of the synthetic generator.
struct SyntheticCanvas {
    typealias Colour = (Float, Float, Float)

    let size: Int
    private(set) var pixels: [Float]

    init(size: Int) {
        precondition(size > 0, "SyntheticCanvas: size must be positive, got \(size)")
        self.size = size
        pixels = [Float](repeating: 0, count: 3 * size * size)
    }

    /// Fills the canvas with `base`, a linear gradient along the unit vector `direction`
    /// (`±gradient` at the corners) and a faint stripe texture: a triangle wave of amplitude
    /// `texture` with `frequency` cycles per pixel along x and y. Plain IEEE arithmetic only (no
    /// libm), so the pixels are the same on every platform.
    mutating func paintBackground(
        base: Colour, gradient: Colour, direction: (Float, Float), texture: Float,
        frequency: (Float, Float), phase: Float
    ) {
        let n = size
        let scale = 1 / Float(n)
        let bases = [base.0, base.1, base.2]
        let gradients = [gradient.0, gradient.1, gradient.2]
        pixels.withUnsafeMutableBufferPointer { p in
            for j in 0..<n {
                let gy = (Float(j) * scale - 0.5) * direction.1
                let wy = frequency.1 * Float(j) + phase
                for i in 0..<n {
                    let t = ((Float(i) * scale - 0.5) * direction.0 + gy) * 2
                    let w = frequency.0 * Float(i) + wy
                    let wave = texture * (4 * abs(w - w.rounded(.down) - 0.5) - 1)
                    let k = j * n + i
                    for c in 0..<3 {
                        p[c * n * n + k] = bases[c] + gradients[c] * t + wave
                    }
                }
            }
        }
    }

    /// Adds a smooth bump `(1 - d²/r²)²·delta` around `(x, y)`.
    mutating func addBlob(x: Float, y: Float, radius: Float, delta: Colour) {
        let n = size
        let x0 = max(0, Int(x - radius))
        let x1 = min(n - 1, Int(x + radius))
        let y0 = max(0, Int(y - radius))
        let y1 = min(n - 1, Int(y + radius))
        guard x0 <= x1, y0 <= y1 else { return }
        let inv = 1 / (radius * radius)
        let deltas = [delta.0, delta.1, delta.2]
        pixels.withUnsafeMutableBufferPointer { p in
            for j in y0...y1 {
                let ddy = Float(j) + 0.5 - y
                for i in x0...x1 {
                    let ddx = Float(i) + 0.5 - x
                    let q = 1 - (ddx * ddx + ddy * ddy) * inv
                    guard q > 0 else { continue }
                    let w = q * q
                    for c in 0..<3 {
                        p[c * n * n + j * n + i] += deltas[c] * w
                    }
                }
            }
        }
    }

    /// Draws a straight line `thickness` pixels wide from `(x0, y0)` to `(x1, y1)`.
    mutating func drawLine(
        from start: (Float, Float), to end: (Float, Float), thickness: Int,
        colour: Colour
    ) {
        let steps = Int(max(abs(end.0 - start.0), abs(end.1 - start.1))) + 1
        for s in 0...steps {
            let t = Float(s) / Float(steps)
            let x = Int(start.0 + (end.0 - start.0) * t)
            let y = Int(start.1 + (end.1 - start.1) * t)
            for oy in 0..<thickness {
                for ox in 0..<thickness {
                    set(x: x + ox, y: y + oy, colour: colour)
                }
            }
        }
    }

    /// Fills `shape` inside the rectangle (`x`, `y`, `width`, `height`), shaded from `colour` by
    /// `shading` top to bottom. Returns the tight pixel box of every pixel the shape covers (its
    /// box even where later drawing hides part of it), or `nil` when it covers no pixel.
    mutating func drawShape(
        _ shape: SyntheticShape, x: Int, y: Int, width: Int, height: Int, colour: Colour,
        shading: Float
    ) -> (x: Int, y: Int, width: Int, height: Int)? {
        var minX = Int.max
        var minY = Int.max
        var maxX = Int.min
        var maxY = Int.min
        let invW = 1 / Float(width)
        let invH = 1 / Float(height)
        for j in max(0, y)..<min(size, y + height) {
            let v = (Float(j - y) + 0.5) * invH
            let light = 1 + shading * (0.5 - v)
            let shaded = (colour.0 * light, colour.1 * light, colour.2 * light)
            for i in max(0, x)..<min(size, x + width) {
                let u = (Float(i - x) + 0.5) * invW
                guard shape.covers(u: u, v: v) else { continue }
                set(x: i, y: j, colour: shaded)
                minX = min(minX, i)
                maxX = max(maxX, i)
                minY = min(minY, j)
                maxY = max(maxY, j)
            }
        }
        guard minX <= maxX else { return nil }
        return (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    /// Adds uniform per-pixel, per-channel noise in `±amplitude` and clamps to `0...1`.
    mutating func addNoise(amplitude: Float, rng: inout SplitMix64) {
        let plane = size * size
        let scale = 2 * amplitude / Float(1 << 21)
        pixels.withUnsafeMutableBufferPointer { p in
            for k in 0..<plane {
                let bits = rng.next()
                for c in 0..<3 {
                    let r = Float((bits >> (UInt64(c) * 21)) & 0x1F_FFFF) * scale - amplitude
                    p[c * plane + k] = min(1, max(0, p[c * plane + k] + r))
                }
            }
        }
    }

    private mutating func set(x: Int, y: Int, colour: Colour) {
        guard x >= 0, y >= 0, x < size, y < size else { return }
        let k = y * size + x
        let plane = size * size
        pixels[k] = colour.0
        pixels[plane + k] = colour.1
        pixels[2 * plane + k] = colour.2
    }
}
