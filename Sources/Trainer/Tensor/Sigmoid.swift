import Foundation

/// Numerically safe scalar helpers shared by activations, losses and decoding.
enum Sigmoid {
    /// `exp` with the argument clamped to ±80, so huge activations stay finite.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        Foundation.exp(min(max(x, -80), 80))
    }

    /// The logistic function `1 / (1 + e^-x)`.
    @inline(__always)
    static func logistic(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }

    /// `log(1 + e^x)` without overflow.
    @inline(__always)
    static func softplus(_ x: Float) -> Float {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }
}
