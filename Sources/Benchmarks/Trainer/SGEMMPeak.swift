import Trainer

/// The throughput of one plain large square `sgemm` on the calling thread: the yardstick the
/// convolution GEMMs are measured against.
public struct SGEMMPeak: Sendable, Equatable {
    /// The side `n` of the `n × n × n` product.
    public var size: Int
    /// Median seconds of one product over the timed runs.
    public var seconds: Double

    /// Billions of floating-point operations (`2n³`) per second.
    public var gigaflopsPerSecond: Double {
        2 * Double(size) * Double(size) * Double(size) / seconds / 1e9
    }

    /// Times `runs` products of two `size × size` matrices after one untimed warm-up product.
    public static func measure(size: Int = 2048, runs: Int = 3) -> SGEMMPeak {
        precondition(size > 0 && runs > 0, "SGEMMPeak: size \(size), runs \(runs)")
        let count = size * size
        let a = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let b = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer {
            a.deallocate()
            b.deallocate()
            c.deallocate()
        }
        var rng = SplitMix64(seed: 0, stream: 0x6E)
        for i in 0..<count {
            a[i] = rng.uniform(-1, 1)
            b[i] = rng.uniform(-1, 1)
        }
        c.initialize(repeating: 0, count: count)
        let clock = ContinuousClock()
        var seconds: [Double] = []
        for run in 0...runs {
            let start = clock.now
            BLAS.gemm(
                m: size, n: size, k: size, a: a, lda: size, b: b, ldb: size, beta: 0, c: c,
                ldc: size)
            if run > 0 { seconds.append((clock.now - start) / .seconds(1)) }
        }
        return SGEMMPeak(size: size, seconds: Median.of(seconds))
    }
}
