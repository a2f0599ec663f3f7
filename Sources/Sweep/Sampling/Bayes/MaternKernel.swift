import Foundation

/// The Matérn-5/2 kernel with automatic relevance determination (one length scale per
/// dimension), as Optuna's `GPSampler` uses it, on points of the unit cube (``BayesEncoding``).
///
/// k(x, y) = `scale` · m(r²), m(r²) = (1 + √(5r²) + 5r²/3) · exp(-√(5r²)), with
/// r² = Σᵢ `inverseSquaredLengthScales[i]` · dᵢ². A numeric coordinate contributes
/// dᵢ = xᵢ - yᵢ; a categorical one (``categorical``) the Hamming distance, 0 when equal and 1
/// otherwise. A coordinate that is NaN (an inactive conditional parameter) is at distance 0
/// from another NaN and 1 from any value.
struct MaternKernel: Sendable, Equatable {
    /// 1 / ℓᵢ² per dimension.
    var inverseSquaredLengthScales: [Double]
    /// The prior variance k(x, x).
    var scale: Double
    /// Which dimensions are categorical.
    let categorical: [Bool]

    /// m(r²), the unscaled kernel at squared distance `squaredDistance`.
    static func matern52(_ squaredDistance: Double) -> Double {
        let root = (5 * squaredDistance).squareRoot()
        return exp(-root) * (5.0 / 3.0 * squaredDistance + root + 1)
    }

    /// dm/d(r²) = -5/6 · (1 + √(5r²)) · exp(-√(5r²)); finite at r² = 0.
    static func matern52Derivative(_ squaredDistance: Double) -> Double {
        let root = (5 * squaredDistance).squareRoot()
        return -5.0 / 6.0 * (root + 1) * exp(-root)
    }

    /// The per-dimension squared distances dᵢ² between `x` and `y`.
    func squaredDistances(_ x: [Double], _ y: [Double]) -> [Double] {
        x.indices.map { i in
            switch (x[i].isNaN, y[i].isNaN) {
            case (true, true): return 0
            case (true, false), (false, true): return 1
            case (false, false):
                if categorical[i] { return x[i] == y[i] ? 0 : 1 }
                let d = x[i] - y[i]
                return d * d
            }
        }
    }

    /// r² between `x` and `y`.
    func squaredDistance(_ x: [Double], _ y: [Double]) -> Double {
        zip(squaredDistances(x, y), inverseSquaredLengthScales).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// k(x, y).
    func callAsFunction(_ x: [Double], _ y: [Double]) -> Double {
        scale * Self.matern52(squaredDistance(x, y))
    }
}
