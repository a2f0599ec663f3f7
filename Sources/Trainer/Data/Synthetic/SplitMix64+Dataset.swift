/// The draws the synthetic dataset, the weight initialisation and the training loop make: `Float`
/// uniforms and independent sub-streams of one seed, so a seed always gives the same pixels,
/// boxes and weights. Public for the benchmarks, which draw their fixed random batches from it.
extension SplitMix64 {
    /// A generator for the `stream`-th independent sub-stream of `seed` (images, splits, layers).
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next())
    }

    /// A uniform `Float` in `[0, 1)` from the top 24 bits.
    public mutating func unit() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform `Float` in `lower..<upper`.
    public mutating func uniform(_ lower: Float, _ upper: Float) -> Float {
        lower + (upper - lower) * unit()
    }

    /// A uniform integer in `range` (Lemire's multiply-high).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let count = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: count).high)
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Float) -> Bool {
        unit() < p
    }
}
