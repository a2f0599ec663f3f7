import Foundation

/// Numerically safe scalar helpers shared by activations, losses and decoding.
enum Sigmoid {
    /// `e^x` for `x` clamped to `[-87, 88]` (so huge activations stay finite; NaN stays NaN):
    /// Cephes' `expf` (range reduction by ln 2, degree-6 polynomial, about 1 ulp) written
    /// without calls or branches so that loops over it vectorise even on baseline x86-64.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let v = min(max(x, -87), 88)
        // Adding 1.5·2²³ rounds to the nearest integer n and leaves n in the low mantissa bits.
        let shifted = v * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        let r = v - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        let exponent = (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23
        return p * Float(bitPattern: exponent)
    }

    /// ``exp(_:)`` on eight lanes at once, lane for lane the same operations (and results).
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let v = pointwiseMin(pointwiseMax(x, SIMD8(repeating: -87)), SIMD8(repeating: 88))
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let shifted = v * 1.442_695_04 + magic
        let n = shifted - magic
        let r = v - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self)
        let exponent = (bits &- 0x4B40_0000 &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD8<Float>.self)
    }

    /// The logistic function `1 / (1 + e^-x)`.
    @inline(__always)
    static func logistic(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }

    /// `log(1 + e^x)` without overflow.
    @inline(__always)
    static func softplus(_ x: Float) -> Float {
        x > 0 ? x + Foundation.log1p(exp(-x)) : Foundation.log1p(exp(x))
    }
}
