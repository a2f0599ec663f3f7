import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct RandomSamplerTests {
    private func parse(_ text: String) throws -> SweepSpec {
        try SweepSpec.parse(text: text, path: "random.yaml")
    }

    private let wide = """
        name: wide
        method: random
        max_trials: 400
        seed: 3
        parameters:
          lr:           {distribution: log_uniform, min: 0.0001, max: 0.1}
          weight_decay: {distribution: uniform, min: 0.0001, max: 0.001}
          batch_size:   {distribution: q_log_uniform, min: 16, max: 128, q: 8}
          loss:         {distribution: categorical, values: [mse, ce, focal]}
        """

    @Test func sameFileAndSeedGiveTheSameTrials() throws {
        let path = SpecTestPaths.sweeps.appendingPathComponent("overnight-random.yaml").path
        let first = try SweepSpec.load(path: path).planTrials()
        let second = try SweepSpec.load(path: path).planTrials()
        #expect(first.count == 300)
        #expect(first == second)
        #expect(Set(first.map(\.key)).count == 300)
    }

    @Test func anotherSeedGivesOtherTrials() throws {
        let a = try parse(wide).planTrials()
        let b = try parse(wide.replacingOccurrences(of: "seed: 3", with: "seed: 4")).planTrials()
        #expect(a.map(\.parameters) != b.map(\.parameters))
    }

    @Test func moreTrialsKeepTheEarlierOnes() throws {
        let short = try parse(
            wide.replacingOccurrences(of: "max_trials: 400", with: "max_trials: 10"))
        #expect(Array(try parse(wide).planTrials().prefix(10)) == short.planTrials())
    }

    @Test func samplesStayInTheirDomains() throws {
        let trials = try parse(wide).planTrials()
        let lrs = trials.map(\.parameters.lr)
        #expect(lrs.allSatisfy { $0 >= 0.0001 && $0 <= 0.1 })
        #expect(trials.allSatisfy { (0.0001...0.001).contains($0.parameters.weightDecay) })
        let batches = Set(trials.map(\.parameters.batchSize))
        #expect(batches.allSatisfy { $0 % 8 == 0 && (16...128).contains($0) })
        #expect(batches.contains(16) && batches.contains(128))
        #expect(Set(trials.map(\.parameters.loss)) == Set(LossKind.allCases))
        // Log-uniform: about a third of the draws in each decade of [1e-4, 1e-1].
        for decade in [(0.0001, 0.001), (0.001, 0.01), (0.01, 0.1)] {
            let share = Double(lrs.filter { $0 >= decade.0 && $0 < decade.1 }.count) / 400
            #expect(abs(share - 1.0 / 3) < 0.08, "share \(share) in \(decade)")
        }
    }

    /// Trial `i + 1`'s stream must not be trial `i`'s shifted by one draw: with `lr` and
    /// `weight_decay` over the same range, trial `i + 1`'s lr would then equal trial `i`'s weight
    /// decay, and consecutive trials would be perfectly correlated.
    @Test func consecutiveTrialsDrawIndependently() throws {
        let text = """
            name: streams
            method: random
            max_trials: 400
            seed: 5
            parameters:
              lr:           {distribution: uniform, min: 0.0001, max: 0.001}
              weight_decay: {distribution: uniform, min: 0.0001, max: 0.001}
            """
        let trials = try parse(text).planTrials().map(\.parameters)
        let next = trials.dropFirst().map(\.lr)
        let previous = trials.dropLast().map(\.weightDecay)
        #expect(zip(next, previous).allSatisfy { $0 != $1 })
        let n = Double(next.count)
        let meanNext = next.reduce(0, +) / n
        let meanPrevious = previous.reduce(0, +) / n
        let covariance = zip(next, previous).map { ($0 - meanNext) * ($1 - meanPrevious) }
            .reduce(0, +)
        let spreadNext = next.map { ($0 - meanNext) * ($0 - meanNext) }.reduce(0, +)
        let spreadPrevious = previous.map { ($0 - meanPrevious) * ($0 - meanPrevious) }
            .reduce(0, +)
        let correlation = covariance / (spreadNext * spreadPrevious).squareRoot()
        #expect(abs(correlation) < 0.15, "correlation \(correlation)")
    }

    @Test func intUniformIncludesBothEnds() throws {
        let text = """
            name: ints
            method: random
            max_trials: 200
            parameters:
              batch_size: {distribution: int_uniform, min: 2, max: 4}
            """
        let batches = try parse(text).planTrials().map(\.parameters.batchSize)
        #expect(Set(batches) == [2, 3, 4])
    }

    @Test func qLogUniformKeepsInsideBoundsThatAreNotMultiples() throws {
        let range = try #require(QuantizedRange(min: 10, max: 30, q: 8))
        #expect(range.lowest == 16 && range.highest == 24)
        #expect(range.quantize(10.5) == 16)
        #expect(range.quantize(29.9) == 24)
        #expect(QuantizedRange(min: 17, max: 23, q: 8) == nil)
    }

    /// `normal` draws are Gaussian within mu ± 3 sigma: their mean is mu and their standard
    /// deviation that of a Gaussian truncated at 3 sigma (0.9866 sigma); `log_normal` draws are
    /// the `exp` of such draws. 4000 draws: the mean's standard error is sigma / 63.
    @Test func gaussianDomainsDrawTruncatedGaussians() throws {
        let spec = try parse(
            """
            name: gauss
            method: random
            max_trials: 4000
            seed: 11
            parameters:
              focal_alpha: {distribution: normal, mu: 0.5, sigma: 0.1}
              lr: {distribution: log_normal, mu: -4.6, sigma: 0.5}
            """)
        let trials = spec.planTrials()
        let alphas = try trials.map { try #require($0.parameters.focalAlpha) }
        let logLRs = trials.map { log($0.parameters.lr) }
        func moments(_ values: [Double]) -> (mean: Double, deviation: Double) {
            let mean = values.reduce(0, +) / Double(values.count)
            let variance =
                values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
            return (mean, variance.squareRoot())
        }
        let alpha = moments(alphas)
        #expect(abs(alpha.mean - 0.5) < 4 * 0.1 / 63)
        #expect(abs(alpha.deviation - 0.09866) < 0.004)
        #expect(alphas.allSatisfy { 0.2 - 1e-12 <= $0 && $0 <= 0.8 + 1e-12 })
        #expect(alphas.contains { $0 < 0.3 } && alphas.contains { $0 > 0.7 }, "the tails are drawn")
        let lr = moments(logLRs)
        #expect(abs(lr.mean + 4.6) < 4 * 0.5 / 63)
        #expect(abs(lr.deviation - 0.4933) < 0.02)
        #expect(trials == spec.planTrials(), "seeded draws are reproducible")
    }
}
