/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): the project's one
/// seeded generator, identical on every platform and Swift version, unlike the standard library's
/// unseeded one. The synthetic dataset, weight initialisation, shuffling, the sweep's random
/// sampler and the synthetic COCO cases all draw from it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in `[0, 1)` from the top 53 bits; spelled out (rather than
    /// `Double.random(in:using:)`) so the stream never depends on the standard library's algorithm.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<count` (Lemire's multiply-high; bias below 2⁻⁶⁴·count).
    public mutating func nextIndex(below count: Int) -> Int {
        precondition(count > 0, "nextIndex(below:) needs a positive count")
        return Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }
}
