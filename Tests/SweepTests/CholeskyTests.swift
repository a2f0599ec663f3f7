import Foundation
import Testing

@testable import Sweep

/// ``Cholesky``: the factor, solves and inverse of a known system, and the jitter fallback.
@Suite struct CholeskyTests {
    /// A = L·Lᵀ with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]].
    private let matrix: [Double] = [4, 12, -16, 12, 37, -43, -16, -43, 98]

    @Test func factorsAKnownMatrix() throws {
        let factor = try #require(Cholesky(matrix, n: 3))
        #expect(factor.lower == [2, 0, 0, 6, 1, 0, -8, 5, 3])
        #expect(abs(factor.logDeterminant - 2 * log(6.0)) < 1e-12)
    }

    @Test func solvesAKnownSystem() throws {
        let factor = try #require(Cholesky(matrix, n: 3))
        // A·[1, 2, 3] = [-20, -43, 192].
        let x = factor.solve([-20, -43, 192])
        for (got, want) in zip(x, [1.0, 2, 3]) { #expect(abs(got - want) < 1e-10) }
        let inverse = factor.inverse()
        for row in 0..<3 {
            for column in 0..<3 {
                let product = (0..<3).reduce(0.0) {
                    $0 + matrix[row * 3 + $1] * inverse[$1 * 3 + column]
                }
                #expect(abs(product - (row == column ? 1 : 0)) < 1e-10)
            }
        }
    }

    @Test func aSingularMatrixIsFactoredWithJitterAndAnIndefiniteOneIsRefused() throws {
        let singular = try #require(Cholesky([1, 1, 1, 1], n: 2))
        #expect(singular.lower[3] > 0)
        #expect(singular.lower[3] < 1e-3)
        #expect(Cholesky([1, 2, 2, 1], n: 2) == nil)
        #expect(Cholesky([1, .nan, .nan, 1], n: 2) == nil)
    }

    /// An infinite diagonal (a kernel scale that overflowed during the fit) is refused at once;
    /// the jitter loop grew an infinite jitter forever, and a `bayes` sweep hung.
    @Test func anInfiniteDiagonalIsRefused() {
        #expect(Cholesky([.infinity, 0, 0, 1], n: 2) == nil)
        #expect(Cholesky([1, 0, 0, -.infinity], n: 2) == nil)
    }
}
