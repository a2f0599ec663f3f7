/// One object's regression target at its centre cell: `(dx, dy, log w, log h)` in cell units.
public struct BoxTarget: Sendable, Equatable {
    /// Batch item.
    public var item: Int
    /// Flat cell index `y * width + x` in the output plane.
    public var cell: Int
    public var values: SIMD4<Float>

    public init(item: Int, cell: Int, values: SIMD4<Float>) {
        self.item = item
        self.cell = cell
        self.values = values
    }
}
