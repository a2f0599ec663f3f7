import Foundation
import Testing

@testable import Sweep

/// ``MaternKernel``: values against hand-computed numbers, categorical and inactive distances.
@Suite struct MaternKernelTests {
    private let kernel = MaternKernel(
        inverseSquaredLengthScales: [2, 0.5], scale: 1.5, categorical: [false, true])

    @Test func theShapeIsOneAtZeroAndFallsWithDistance() {
        #expect(MaternKernel.matern52(0) == 1)
        // r² = 0.68: √3.4 = 1.8439…, exp(-1.8439…)·(1 + 1.8439… + 5·0.68/3) = 0.629191…
        #expect(abs(MaternKernel.matern52(0.68) - 0.629_191_120_238_629_45) < 1e-14)
        #expect(MaternKernel.matern52(4) < MaternKernel.matern52(1))
        #expect(MaternKernel.matern52Derivative(0) == -5.0 / 6.0)
    }

    @Test func theDerivativeMatchesFiniteDifferences() {
        for r2 in [0.01, 0.3, 2.5] {
            let h = 1e-6
            let numeric =
                (MaternKernel.matern52(r2 + h) - MaternKernel.matern52(r2 - h)) / (2 * h)
            #expect(abs(numeric - MaternKernel.matern52Derivative(r2)) < 1e-8)
        }
    }

    @Test func numericCoordinatesUseSquaredDifferencesAndCategoriesHamming() {
        // d² = (0.2 - 0.5)² = 0.09 and 1 (categories 1 and 0 differ); r² = 2·0.09 + 0.5·1.
        let distances = kernel.squaredDistances([0.2, 1], [0.5, 0])
        #expect(abs(distances[0] - 0.09) < 1e-15)
        #expect(distances[1] == 1)
        #expect(abs(kernel.squaredDistance([0.2, 1], [0.5, 0]) - 0.68) < 1e-15)
        #expect(abs(kernel([0.2, 1], [0.5, 0]) - 1.5 * 0.629_191_120_238_629_45) < 1e-14)
        // Categories 2 and 0 are as far apart as 1 and 0.
        #expect(
            kernel.squaredDistance([0.2, 2], [0.5, 0])
                == kernel.squaredDistance([0.2, 1], [0.5, 0]))
        #expect(kernel([0.3, 1], [0.3, 1]) == 1.5)
    }

    @Test func anInactiveCoordinateMatchesOnlyAnotherInactiveOne() {
        #expect(kernel.squaredDistances([.nan, 1], [.nan, 1]) == [0, 0])
        #expect(kernel.squaredDistances([.nan, 1], [0.3, 1]) == [1, 0])
        #expect(kernel([.nan, 0], [.nan, 0]) == 1.5)
    }
}
