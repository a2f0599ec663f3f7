import Foundation

/// log EI, the logarithm of the expected improvement over a threshold, computed so that it
/// stays finite far below the threshold, where EI itself underflows (Optuna's `logei`).
enum LogExpectedImprovement {
    /// Below this z the closed form loses accuracy and the asymptotic series takes over.
    static let tailThreshold = -25.0

    /// log E[max(0, Z + z)] for Z ~ N(0, 1): log(z·Φ(z) + φ(z)).
    ///
    /// For z ≥ -25 the closed form (Φ from `erfc`, accurate in the tail; the cancellation
    /// between z·Φ(z) and φ(z) costs at most ~z² ulps). Below, with Φ(z) = φ(z)·R(-z) and the
    /// Mills-ratio series R(t) = 1/t · (1 - 1/t² + 3/t⁴ - 15/t⁶ …):
    /// z·Φ(z) + φ(z) = φ(z)/z² · (1 - 3/z² + 15/z⁴ - 105/z⁶ …) (seven terms, the first left
    /// out below 1e-14 at z = -25), whose log is computed term by term, so it is finite however
    /// small EI is.
    static func standard(_ z: Double) -> Double {
        if z >= tailThreshold {
            let cdf = 0.5 * erfc(-z / 2.0.squareRoot())
            let pdf = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
            return log(z * cdf + pdf)
        }
        let inverseSquare = 1 / (z * z)
        var series = 0.0
        var term = 1.0
        for k in 1...7 {
            term *= -Double(2 * k + 1) * inverseSquare
            series += term
        }
        return -0.5 * z * z - 0.5 * log(2 * Double.pi) - 2 * log(-z) + log1p(series)
    }

    /// log EI of a posterior N(`mean`, `variance`) over `threshold` (maximising):
    /// log σ + standard((mean - threshold) / σ), with σ² = variance + `stabilizingNoise`
    /// (Optuna's 1e-12, so a point with no posterior variance still scores).
    static func value(
        mean: Double, variance: Double, threshold: Double, stabilizingNoise: Double = 1e-12
    ) -> Double {
        let sigma = (max(variance, 0) + stabilizingNoise).squareRoot()
        return log(sigma) + standard((mean - threshold) / sigma)
    }
}
