extension BoundingBox {
    /// The part of the box inside `x0..<x1 × y0..<y1`, or `nil` when a side of it is shorter
    /// than ``Augmentation/minimumSide``.
    func clipped(x0: Float, y0: Float, x1: Float, y1: Float) -> BoundingBox? {
        let left = max(x0, x)
        let top = max(y0, y)
        let right = min(x1, x + width)
        let bottom = min(y1, y + height)
        guard right - left >= Augmentation.minimumSide, bottom - top >= Augmentation.minimumSide
        else { return nil }
        return BoundingBox(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Whether the two boxes share any area.
    func intersects(_ other: BoundingBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height
            && other.y < y + height
    }
}
