import Foundation
import Trainer

/// A normal distribution cut to `[low, high]` and renormalised: one numeric Parzen kernel.
struct TruncatedNormal: Sendable, Equatable {
    let mean: Double
    let sigma: Double
    let low: Double
    let high: Double

    /// log of the density at `x` (inside `[low, high]`).
    func logDensity(_ x: Double) -> Double {
        let z = (x - mean) / sigma
        let mass = Self.cdf((high - mean) / sigma) - Self.cdf((low - mean) / sigma)
        return -0.5 * z * z - log(sigma) - 0.5 * log(2 * Double.pi) - log(max(mass, 1e-300))
    }

    /// One draw, by rejection from the full normal (Box–Muller). The mean lies in
    /// `[low, high]` and `sigma ≤ high - low`, so at least a third of the mass is inside and
    /// few draws are rejected; a width of zero returns the mean.
    func sample(_ generator: inout SplitMix64) -> Double {
        guard high > low else { return low }
        while true {
            let radius = (-2 * log(1 - generator.nextUnit())).squareRoot()
            let x = mean + sigma * radius * cos(2 * Double.pi * generator.nextUnit())
            if x >= low, x <= high { return x }
        }
    }

    /// The standard normal CDF.
    static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }
}
