import Foundation
import Testing
import Trainer

@testable import Sweep

/// ``GPHyperparameters``: the analytic gradient, and fits that recover sensible length scales.
@Suite struct GPHyperparametersTests {
    /// `count` points evenly over [0, 1] in 1-D.
    private func line(_ count: Int) -> [[Double]] {
        (0..<count).map { [Double($0) / Double(count - 1)] }
    }

    /// `values` with zero mean and unit variance.
    private func standardized(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count))
            .squareRoot()
        return values.map { ($0 - mean) / deviation }
    }

    @Test func theGradientMatchesFiniteDifferences() throws {
        let points: [[Double]] = [[0.1, 0], [0.4, 1], [0.8, 0], [0.35, 2], [0.9, 1]]
        let values = standardized([0.3, -0.2, 1.1, 0.4, -0.9])
        let probe = MaternKernel(
            inverseSquaredLengthScales: [1, 1], scale: 1, categorical: [false, true])
        let distances = points.indices.map { i in
            (0...i).map { j in probe.squaredDistances(points[i], points[j]) }
        }
        let raw = [0.3, -0.5, 0.2, -2.0]
        let (_, gradient) = try #require(
            GPHyperparameters.loss(raw, distances: distances, values: values, dimensions: 2))
        for k in raw.indices {
            let h = 1e-6
            var up = raw
            var down = raw
            up[k] += h
            down[k] -= h
            let plus = try #require(
                GPHyperparameters.loss(up, distances: distances, values: values, dimensions: 2))
            let minus = try #require(
                GPHyperparameters.loss(down, distances: distances, values: values, dimensions: 2))
            #expect(abs((plus.loss - minus.loss) / (2 * h) - gradient[k]) < 1e-5, "parameter \(k)")
        }
    }

    /// A line-search step to a kernel scale beyond Double's range is an unusable point (nil),
    /// not an endless loop: one such step hung a `bayes` replay (`bench search --jobs 4`).
    @Test func anOverflowingKernelScaleIsAnUnusablePoint() {
        let points = line(4)
        let values = standardized([0.1, 0.5, 0.2, 0.9])
        let probe = MaternKernel(inverseSquaredLengthScales: [1], scale: 1, categorical: [false])
        let distances = points.indices.map { i in
            (0...i).map { j in probe.squaredDistances(points[i], points[j]) }
        }
        #expect(
            GPHyperparameters.loss(
                [0, 800, -2], distances: distances, values: values, dimensions: 1) == nil)
    }

    @Test func aSmoothOneDimensionalFunctionGetsASensibleLengthScale() throws {
        let points = line(15)
        let values = standardized(points.map { sin(2 * Double.pi * $0[0]) })
        let process = try #require(
            GPHyperparameters.fit(points: points, values: values, categorical: [false]))
        let lengthScale = 1 / process.kernel.inverseSquaredLengthScales[0].squareRoot()
        // One period over [0, 1]: correlated over a fraction of it, not over the whole range.
        #expect(lengthScale > 0.1)
        #expect(lengthScale < 1)
        // A noiseless function gets little noise: the fit passes through the points, and is
        // surer at them than between them.
        #expect(process.noise < 0.05)
        let at = process.posterior(points[3])
        #expect(abs(at.mean - values[3]) < 0.05)
        #expect(at.variance < process.posterior([3.5 / 14]).variance)
    }

    @Test func anIrrelevantDimensionGetsALongerLengthScale() throws {
        var generator = SplitMix64(seed: 11)
        let points = (0..<20).map { _ in [generator.nextUnit(), generator.nextUnit()] }
        let values = standardized(points.map { sin(2 * Double.pi * $0[0]) })
        let process = try #require(
            GPHyperparameters.fit(points: points, values: values, categorical: [false, false]))
        let scales = process.kernel.inverseSquaredLengthScales
        #expect(scales[0] > 10 * scales[1])
    }
}
