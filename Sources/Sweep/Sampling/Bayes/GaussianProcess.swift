import Foundation

/// A Gaussian-process regressor conditioned on `points` with observed `values`: the posterior
/// mean and variance at any point, as Optuna's `GPRegressor`.
struct GaussianProcess: Sendable {
    let kernel: MaternKernel
    /// The observation noise variance added to the kernel matrix's diagonal.
    let noise: Double
    let points: [[Double]]
    /// C⁻¹·y, with C = K + noise·I.
    private let weights: [Double]
    private let factor: Cholesky

    /// Nil when the kernel matrix cannot be factored even with jitter (``Cholesky``).
    init?(kernel: MaternKernel, noise: Double, points: [[Double]], values: [Double]) {
        guard let factor = Self.covariance(kernel, noise, points) else { return nil }
        self.kernel = kernel
        self.noise = noise
        self.points = points
        self.factor = factor
        weights = factor.solve(values)
    }

    /// The Cholesky factor of K + noise·I over `points`.
    static func covariance(
        _ kernel: MaternKernel, _ noise: Double, _ points: [[Double]]
    ) -> Cholesky? {
        let n = points.count
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let value = kernel(points[i], points[j]) + (i == j ? noise : 0)
                matrix[i * n + j] = value
                matrix[j * n + i] = value
            }
        }
        return Cholesky(matrix, n: n)
    }

    /// The posterior mean k(x)ᵀC⁻¹y and variance k(x, x) - k(x)ᵀC⁻¹k(x) (clamped at 0) at `x`.
    func posterior(_ x: [Double]) -> (mean: Double, variance: Double) {
        let covariances = points.map { kernel(x, $0) }
        let mean = zip(covariances, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let u = factor.solveLower(covariances)
        let explained = u.reduce(0) { $0 + $1 * $1 }
        return (mean, max(kernel.scale - explained, 0))
    }
}
