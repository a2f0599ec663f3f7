import Foundation

/// The lower-triangular Cholesky factor L of a symmetric positive-definite matrix (A = L·Lᵀ),
/// with the solves a Gaussian process needs. Row-major, n × n. Hand-written: the matrices
/// here hold one row per trial (a few hundred at most), where the O(n³/3) loop is cheap.
struct Cholesky: Sendable {
    let n: Int
    /// L, row-major; the upper triangle is zero.
    let lower: [Double]

    /// Factors `matrix` (row-major, n × n; only its lower triangle is read). When a pivot is
    /// not positive (rounding in a nearly singular matrix), the factorisation is retried with
    /// a jitter added to the diagonal, growing tenfold from 1e-10 of the mean diagonal up to
    /// 1e-2 of it; nil when even that fails, or when a diagonal entry is NaN or infinite.
    init?(_ matrix: [Double], n: Int) {
        precondition(matrix.count == n * n, "Cholesky needs an n × n matrix")
        self.n = n
        if let factor = Self.factor(matrix, n: n, jitter: 0) {
            lower = factor
            return
        }
        let meanDiagonal = (0..<n).reduce(0) { $0 + abs(matrix[$1 * n + $1]) } / Double(max(n, 1))
        guard meanDiagonal.isFinite else { return nil }
        var jitter = 1e-10 * max(meanDiagonal, 1e-300)
        while jitter <= 1e-2 * max(meanDiagonal, 1e-300) {
            if let factor = Self.factor(matrix, n: n, jitter: jitter) {
                lower = factor
                return
            }
            jitter *= 10
        }
        return nil
    }

    private static func factor(_ matrix: [Double], n: Int, jitter: Double) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = matrix[j * n + j] + jitter
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > 0, diagonal.isFinite else { return nil }
            let pivot = diagonal.squareRoot()
            l[j * n + j] = pivot
            for i in (j + 1)..<max(n, j + 1) {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / pivot
            }
        }
        return l
    }

    /// log det A = 2 Σ log Lᵢᵢ.
    var logDeterminant: Double {
        2 * (0..<n).reduce(0) { $0 + log(lower[$1 * n + $1]) }
    }

    /// u with L·u = b (forward substitution).
    func solveLower(_ b: [Double]) -> [Double] {
        var u = b
        for i in 0..<n {
            var sum = u[i]
            for k in 0..<i { sum -= lower[i * n + k] * u[k] }
            u[i] = sum / lower[i * n + i]
        }
        return u
    }

    /// x with Lᵀ·x = u (back substitution).
    func solveUpper(_ u: [Double]) -> [Double] {
        var x = u
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<max(n, i + 1) { sum -= lower[k * n + i] * x[k] }
            x[i] = sum / lower[i * n + i]
        }
        return x
    }

    /// x with A·x = b.
    func solve(_ b: [Double]) -> [Double] {
        solveUpper(solveLower(b))
    }

    /// A⁻¹, row-major (column by column from the two triangular solves).
    func inverse() -> [Double] {
        var result = [Double](repeating: 0, count: n * n)
        for column in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[column] = 1
            let x = solve(unit)
            for row in 0..<n { result[row * n + column] = x[row] }
        }
        return result
    }
}
