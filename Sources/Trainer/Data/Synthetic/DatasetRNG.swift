/// SplitMix64 (Steele, Lea & Flood): the dataset generator's own seeded stream, identical on every
/// platform and Swift version, so a seed always gives the same pixels and boxes. Public for the
/// benchmarks, which draw their fixed random batches from it.
public struct DatasetRNG: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The stream of `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for the `index`-th independent sub-stream of `seed` (images, splits).
    public init(seed: UInt64, stream: UInt64) {
        var mixer = DatasetRNG(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let count = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: count).high)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Float) -> Bool {
        unit() < p
    }
}
