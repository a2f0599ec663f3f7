/// Where a `width × height` image lands in a `size × size` training image under a
/// ``ResizeMode``: scaled to `contentWidth × contentHeight` and placed at (`left`, `top`).
public struct ImageFit: Sendable, Equatable {
    public var size: Int
    public var contentWidth: Int
    public var contentHeight: Int
    public var left: Int
    public var top: Int

    /// The grey byte of letterbox padding (Ultralytics' 114).
    public static let padding: UInt8 = 114

    public init(width: Int, height: Int, size: Int, mode: ResizeMode) {
        self.size = size
        switch mode {
        case .stretch:
            contentWidth = size
            contentHeight = size
        case .letterbox:
            let scale = min(Double(size) / Double(width), Double(size) / Double(height))
            contentWidth = min(size, max(1, Int((Double(width) * scale).rounded())))
            contentHeight = min(size, max(1, Int((Double(height) * scale).rounded())))
        }
        left = (size - contentWidth) / 2
        top = (size - contentHeight) / 2
    }

    /// Objects with boxes in pixels of the content (`contentWidth × contentHeight`) moved to the
    /// training image.
    public func place(_ objects: [ObjectAnnotation]) -> [ObjectAnnotation] {
        objects.map { object in
            var placed = object
            placed.box.x += Float(left)
            placed.box.y += Float(top)
            return placed
        }
    }

    /// The training image's planar CHW bytes (`3 × size × size`): `image` resized bilinearly to
    /// the content size (rounded to the nearest byte) on a padding-grey background.
    public func bytes(of image: RGBImage) -> [UInt8] {
        let content = ImageResizer.resize(
            image.chwPixels(), width: image.width, height: image.height,
            toWidth: contentWidth, height: contentHeight)
        let plane = size * size
        var out = [UInt8](repeating: Self.padding, count: 3 * plane)
        let contentPlane = contentWidth * contentHeight
        for c in 0..<3 {
            for y in 0..<contentHeight {
                let from = c * contentPlane + y * contentWidth
                let to = c * plane + (y + top) * size + left
                for x in 0..<contentWidth {
                    out[to + x] = UInt8((min(1, max(0, content[from + x])) * 255).rounded())
                }
            }
        }
        return out
    }
}
