import Foundation

/// Fits a ``GaussianProcess``'s kernel and noise to the data by maximising the log marginal
/// likelihood plus Optuna's log prior (`default_log_prior`): on each inverse squared length
/// scale λ, -(0.1/λ + 0.1·λ); Gamma(2, 1) on the kernel scale; Gamma(1.1, 30) on the noise
/// variance, which never falls below ``minimumNoise``.
///
/// Parameters live on the log scale (log λᵢ, log scale, log(noise - minimumNoise)), start at
/// Optuna's defaults (all 1) and are optimised by BFGS with a backtracking (Armijo) line
/// search and the analytic gradient, stopping when every gradient component is below
/// ``gradientTolerance`` (Optuna's L-BFGS-B `gtol`) or after ``maximumIterations``. BFGS
/// rather than L-BFGS: there are only d + 2 parameters. Deterministic.
enum GPHyperparameters {
    /// Optuna's `DEFAULT_MINIMUM_NOISE_VAR`.
    static let minimumNoise = 1e-6
    static let gradientTolerance = 1e-2
    static let maximumIterations = 200

    /// The fitted process, or one with the default parameters when no fit could be factored.
    static func fit(
        points: [[Double]], values: [Double], categorical: [Bool]
    ) -> GaussianProcess? {
        let d = categorical.count
        let distances = pairwiseDistances(points, categorical: categorical)
        let objective = { (raw: [Double]) -> (loss: Double, gradient: [Double])? in
            loss(raw, distances: distances, values: values, dimensions: d)
        }
        var raw = [Double](repeating: 0, count: d + 2)
        raw[d + 1] = log(1 - minimumNoise)
        if let optimum = minimize(objective, from: raw) { raw = optimum }
        let (kernel, noise) = parameters(raw, categorical: categorical)
        return GaussianProcess(kernel: kernel, noise: noise, points: points, values: values)
    }

    /// The kernel and noise at log-scale parameters `raw`.
    static func parameters(
        _ raw: [Double], categorical: [Bool]
    ) -> (kernel: MaternKernel, noise: Double) {
        let d = categorical.count
        let kernel = MaternKernel(
            inverseSquaredLengthScales: raw.prefix(d).map { exp($0) }, scale: exp(raw[d]),
            categorical: categorical)
        return (kernel, exp(raw[d + 1]) + minimumNoise)
    }

    /// dᵢ² for every pair (i ≥ j), row-major over the lower triangle.
    private static func pairwiseDistances(
        _ points: [[Double]], categorical: [Bool]
    ) -> [[[Double]]] {
        let probe = MaternKernel(
            inverseSquaredLengthScales: categorical.map { _ in 1 }, scale: 1,
            categorical: categorical)
        return points.indices.map { i in
            (0...i).map { j in probe.squaredDistances(points[i], points[j]) }
        }
    }

    /// -(log marginal likelihood + log prior) and its gradient in `raw`; nil when the
    /// covariance cannot be factored.
    static func loss(
        _ raw: [Double], distances: [[[Double]]], values: [Double], dimensions d: Int
    ) -> (loss: Double, gradient: [Double])? {
        guard raw.allSatisfy(\.isFinite) else { return nil }
        let lambdas = raw.prefix(d).map { exp($0) }
        let scale = exp(raw[d])
        let noiseExcess = exp(raw[d + 1])
        let noise = noiseExcess + minimumNoise
        let n = values.count
        var matrix = [Double](repeating: 0, count: n * n)
        var shape = [Double](repeating: 0, count: n * n)  // m'(r²) per pair
        var base = [Double](repeating: 0, count: n * n)  // m(r²) per pair
        for i in 0..<n {
            for j in 0...i {
                let r2 = zip(distances[i][j], lambdas).reduce(0) { $0 + $1.0 * $1.1 }
                let m = MaternKernel.matern52(r2)
                let dm = MaternKernel.matern52Derivative(r2)
                for (a, b) in [(i, j), (j, i)] {
                    base[a * n + b] = m
                    shape[a * n + b] = dm
                    matrix[a * n + b] = scale * m + (a == b ? noise : 0)
                }
            }
        }
        guard let factor = Cholesky(matrix, n: n) else { return nil }
        let alpha = factor.solve(values)
        let dataFit = zip(values, alpha).reduce(0) { $0 + $1.0 * $1.1 }
        let logLikelihood =
            -0.5 * dataFit - 0.5 * factor.logDeterminant - 0.5 * Double(n) * log(2 * Double.pi)
        let logPrior =
            lambdas.reduce(0) { $0 - (0.1 / $1 + 0.1 * $1) } + (log(scale) - scale)
            + (0.1 * log(noise) - 30 * noise)
        // d(log L)/dθ = ½ tr(W · dC/dθ), W = ααᵀ - C⁻¹.
        let inverse = factor.inverse()
        var w = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n { w[i * n + j] = alpha[i] * alpha[j] - inverse[i * n + j] }
        }
        var gradient = [Double](repeating: 0, count: d + 2)
        for i in 0..<n {
            for j in 0..<n {
                let weight = 0.5 * w[i * n + j]
                let pair = i >= j ? distances[i][j] : distances[j][i]
                let common = weight * scale * shape[i * n + j]
                for k in 0..<d where pair[k] != 0 {
                    gradient[k] += common * lambdas[k] * pair[k]
                }
                gradient[d] += weight * scale * base[i * n + j]
            }
            gradient[d + 1] += 0.5 * w[i * n + i] * noiseExcess
        }
        for k in 0..<d { gradient[k] += 0.1 / lambdas[k] - 0.1 * lambdas[k] }
        gradient[d] += 1 - scale
        gradient[d + 1] += (0.1 / noise - 30) * noiseExcess
        // Minimise the negative.
        return (-(logLikelihood + logPrior), gradient.map { -$0 })
    }

    /// BFGS from `start`; nil when the start itself cannot be evaluated.
    static func minimize(
        _ f: ([Double]) -> (loss: Double, gradient: [Double])?, from start: [Double]
    ) -> [Double]? {
        guard var current = f(start) else { return nil }
        var x = start
        let m = x.count
        var h = identity(m)
        for _ in 0..<maximumIterations {
            if current.gradient.allSatisfy({ abs($0) < gradientTolerance }) { break }
            var direction = multiply(h, current.gradient).map { -$0 }
            var slope = dot(direction, current.gradient)
            if slope >= 0 {
                h = identity(m)
                direction = current.gradient.map { -$0 }
                slope = dot(direction, current.gradient)
            }
            var step = 1.0
            var accepted: (x: [Double], value: (loss: Double, gradient: [Double]))?
            while step > 1e-10 {
                let candidate = zip(x, direction).map { $0 + step * $1 }
                if let value = f(candidate), value.loss <= current.loss + 1e-4 * step * slope {
                    accepted = (candidate, value)
                    break
                }
                step *= 0.5
            }
            guard let accepted else { break }
            let s = zip(accepted.x, x).map { $0 - $1 }
            let y = zip(accepted.value.gradient, current.gradient).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 { h = update(h, s: s, y: y, sy: sy) }
            x = accepted.x
            current = accepted.value
        }
        return x
    }

    /// The BFGS inverse-Hessian update (I - ρsyᵀ) H (I - ρysᵀ) + ρssᵀ, ρ = 1/sᵀy.
    private static func update(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]]
    {
        let m = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        return (0..<m).map { i in
            (0..<m).map { j in
                h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i]
                    * s[j]
            }
        }
    }

    private static func identity(_ m: Int) -> [[Double]] {
        (0..<m).map { i in (0..<m).map { $0 == i ? 1 : 0 } }
    }

    private static func multiply(_ a: [[Double]], _ v: [Double]) -> [Double] {
        a.map { dot($0, v) }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
