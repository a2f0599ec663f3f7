/// Floating-point work and wall time of a set of GEMM calls, for GFLOP/s accounting.
///
/// A layer that keeps a tally adds `2·M·N·K` and the call's duration for every `sgemm` it makes,
/// so a benchmark can compare the GEMM throughput inside training against a plain large sgemm.
public struct GEMMTally: Sendable, Equatable {
    /// `2·M·N·K` summed over the tallied calls.
    public var flops: Double = 0
    /// Wall-clock seconds spent in the tallied calls.
    public var seconds: Double = 0
    /// Number of tallied calls.
    public var calls = 0

    public init() {}

    /// Billions of floating-point operations per second over the tallied calls (0 when none).
    public var gigaflopsPerSecond: Double { seconds > 0 ? flops / seconds / 1e9 : 0 }

    /// Adds `other`'s calls to this tally.
    public mutating func add(_ other: GEMMTally) {
        flops += other.flops
        seconds += other.seconds
        calls += other.calls
    }

    /// Runs `body` (one `m × n × k` GEMM) and adds its work and duration.
    @inline(__always)
    mutating func time(m: Int, n: Int, k: Int, _ body: () -> Void) {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        seconds += (clock.now - start) / .seconds(1)
        flops += 2 * Double(m) * Double(n) * Double(k)
        calls += 1
    }
}
