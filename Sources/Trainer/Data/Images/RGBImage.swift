/// An 8-bit RGB raster, interleaved (`bytes.count == 3 * width * height`, row-major): what PNG and
/// JPEG decode to and PNG export writes.
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var bytes: [UInt8]

    public init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(bytes.count == 3 * width * height, "RGBImage: bytes must be 3×W×H")
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// Quantises planar CHW floats in `0...1` (as in ``DetectionImage``) to bytes, rounding to
    /// nearest; values outside `0...1` are clamped.
    public init(chw pixels: [Float], width: Int, height: Int) {
        precondition(pixels.count == 3 * width * height, "RGBImage: pixels must be 3×H×W")
        let plane = width * height
        var bytes = [UInt8](repeating: 0, count: 3 * plane)
        for k in 0..<plane {
            for c in 0..<3 {
                let v = min(1, max(0, pixels[c * plane + k]))
                bytes[3 * k + c] = UInt8((v * 255).rounded())
            }
        }
        self.init(width: width, height: height, bytes: bytes)
    }

    /// Planar CHW floats in `0...1` (byte / 255).
    public func chwPixels() -> [Float] {
        let plane = width * height
        var pixels = [Float](repeating: 0, count: 3 * plane)
        for k in 0..<plane {
            for c in 0..<3 {
                pixels[c * plane + k] = Float(bytes[3 * k + c]) / 255
            }
        }
        return pixels
    }
}
