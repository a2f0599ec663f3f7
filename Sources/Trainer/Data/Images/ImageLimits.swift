/// The largest image the decoders accept, checked against the size a file's header claims before
/// any pixel memory is allocated, so a tiny file claiming a huge image is refused instead of
/// exhausting memory. The pixel cap keeps the decoded RGB bytes (3 per pixel) and the `Float`
/// copy made for resizing (12 bytes per pixel) under about 1 GB.
public enum ImageLimits {
    /// The longest side accepted, in pixels.
    public static let maxSide = 16_384
    /// The most pixels (width × height) accepted.
    public static let maxPixels = 64 * 1024 * 1024

    /// Whether a `width × height` image is within both limits (the product is only formed once
    /// both sides are known to be small).
    public static func accepts(width: Int, height: Int) -> Bool {
        width <= maxSide && height <= maxSide && width * height <= maxPixels
    }

    /// The limits in words, for error messages.
    static var summary: String {
        "at most \(maxSide) pixels per side and \(maxPixels) pixels in all"
    }
}
