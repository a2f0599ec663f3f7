/// Bilinear resizing of planar CHW float images (pixel-centre aligned, as OpenCV's
/// `INTER_LINEAR`). No anti-alias filter: strong downscaling skips detail.
public enum ImageResizer {
    /// Resizes a `3 × height × width` image to `3 × newHeight × newWidth`.
    public static func resize(
        _ pixels: [Float], width: Int, height: Int, toWidth newWidth: Int, height newHeight: Int
    ) -> [Float] {
        precondition(pixels.count == 3 * width * height, "ImageResizer: pixels must be 3×H×W")
        precondition(newWidth > 0 && newHeight > 0, "ImageResizer: target size must be positive")
        if width == newWidth && height == newHeight { return pixels }
        let xs = taps(from: width, to: newWidth)
        let ys = taps(from: height, to: newHeight)
        var out = [Float](repeating: 0, count: 3 * newWidth * newHeight)
        for c in 0..<3 {
            let src = c * width * height
            let dst = c * newWidth * newHeight
            for (j, y) in ys.enumerated() {
                let row0 = src + y.lower * width
                let row1 = src + y.upper * width
                for (i, x) in xs.enumerated() {
                    let top =
                        pixels[row0 + x.lower] * (1 - x.weight) + pixels[row0 + x.upper] * x.weight
                    let bottom =
                        pixels[row1 + x.lower] * (1 - x.weight)
                        + pixels[row1 + x.upper] * x.weight
                    out[dst + j * newWidth + i] = top * (1 - y.weight) + bottom * y.weight
                }
            }
        }
        return out
    }

    private struct Tap {
        var lower: Int, upper: Int, weight: Float
    }

    private static func taps(from source: Int, to target: Int) -> [Tap] {
        let scale = Float(source) / Float(target)
        return (0..<target).map { i in
            let s = min(Float(source - 1), max(0, (Float(i) + 0.5) * scale - 0.5))
            let lower = Int(s)
            return Tap(lower: lower, upper: min(lower + 1, source - 1), weight: s - Float(lower))
        }
    }
}
