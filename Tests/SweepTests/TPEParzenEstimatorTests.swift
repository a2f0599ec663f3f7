import Foundation
import Testing
import Trainer

@testable import Sweep

/// Parzen densities against values worked out by hand (see each comment).
@Suite struct TPEParzenEstimatorTests {
    private func dimension(
        _ parameter: Hyperparameter, _ domain: ParameterDomain
    ) throws -> TPEDimension {
        try TPEDimension(parameter, domain)
    }

    @Test func univariateNumericDensityMatchesHandComputation() throws {
        // One observation at 0.2 on [0, 1]: neighbour gap 0.3, clipped up to 1/(1+2) = 1/3;
        // prior N(0.5, 1). Both truncated to [0, 1], weights 1/2 each.
        let estimator = ParzenEstimator(
            dimensions: [try dimension(.weightDecay, .uniform(min: 0, max: 1))],
            points: [[0.2]], priorWeight: 1, multivariate: false)
        #expect(abs(exp(estimator.logDensity([0.2])) - 1.3319612561871357) < 1e-9)
        #expect(abs(exp(estimator.logDensity([0.9])) - 0.5728101245134227) < 1e-9)
    }

    @Test func multivariateDensityUsesTheScottBandwidth() throws {
        // 5 points in 2-D: σ = 0.2 · 5^(-1/6) ≈ 0.15294 (above the clip 1/7); prior N(0.5, 1)
        // per dimension; 6 kernels of weight 1/6.
        let unit = ParameterDomain.uniform(min: 0, max: 1)
        let estimator = ParzenEstimator(
            dimensions: [try dimension(.lr, unit), try dimension(.weightDecay, unit)],
            points: [[0.1, 0.9], [0.2, 0.8], [0.3, 0.5], [0.6, 0.4], [0.9, 0.1]],
            priorWeight: 1, multivariate: true)
        #expect(abs(exp(estimator.logDensity([0.25, 0.7])) - 2.253955424211918) < 1e-9)
    }

    @Test func categoricalKernelsFollowOptunasWeights() throws {
        // Two observations of category 0 among 3, prior weight 1: each observed kernel is
        // [4/3, 1/3, 1/3] / 2, the prior uniform; mixture 1/3 each → P(0) = 5/9, P(1) = 2/9.
        let estimator = ParzenEstimator(
            dimensions: [
                try dimension(.loss, .values([.text("mse"), .text("ce"), .text("focal")]))
            ],
            points: [[0], [0]], priorWeight: 1, multivariate: false)
        #expect(abs(exp(estimator.logDensity([0])) - 5.0 / 9) < 1e-12)
        #expect(abs(exp(estimator.logDensity([1])) - 2.0 / 9) < 1e-12)
        #expect(abs(exp(estimator.logDensity([2])) - 2.0 / 9) < 1e-12)
    }

    @Test func logScaleDomainsPlaceKernelsOnTheLogarithm() throws {
        let lr = try dimension(.lr, .logUniform(min: 1e-4, max: 1e-1))
        let parameters = TrialParameters(lr: 1e-3, weightDecay: 0, batchSize: 8, loss: .mse)
        #expect(abs((lr.encode(parameters) ?? 0) - log(1e-3)) < 1e-12)
        guard case .number(let decoded) = lr.decode(log(1e-2)) else {
            Issue.record("lr decoded to a non-number")
            return
        }
        #expect(abs(decoded - 1e-2) < 1e-15)
        let outside = TrialParameters(lr: 0.5, weightDecay: 0, batchSize: 8, loss: .mse)
        #expect(lr.encode(outside) == nil)
    }

    @Test func oldObservationsAreDownweightedPast25() {
        #expect(ParzenEstimator.observationWeights(count: 24) == Array(repeating: 1, count: 24))
        let weights = ParzenEstimator.observationWeights(count: 30)
        #expect(weights.count == 30)
        #expect(abs(weights[0] - 1.0 / 30) < 1e-12)
        #expect(abs(weights[4] - 1) < 1e-12)
        #expect(weights[0] < weights[1] && weights[1] < weights[2])
        #expect(weights.suffix(25) == ArraySlice(repeating: 1, count: 25))
    }

    @Test func samplesStayInsideTheDomain() throws {
        let estimator = ParzenEstimator(
            dimensions: [try dimension(.weightDecay, .uniform(min: 0, max: 1))],
            points: [[0.01], [0.99]], priorWeight: 1, multivariate: false)
        var generator = SplitMix64(seed: 7)
        let draws = (0..<500).map { _ in estimator.sample(&generator)[0] }
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 1 })
    }
}
