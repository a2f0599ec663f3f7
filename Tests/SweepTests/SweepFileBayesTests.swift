import Foundation
import Testing

@testable import Sweep

/// `method: bayes` in sweep files: defaults, its `sampler:` keys, `validate`, and each mistake
/// located.
@Suite struct SweepFileBayesTests {
    static let fixtures = SpecTestPaths.testsFolder.appendingPathComponent(
        "Fixtures/bad-search-sweeps")

    static let badCases: [BadSweepCase] = [
        .init("bayes-01-without-max-trials.yaml", line: 2, key: "max_trials", .maxTrialsRequired),
        .init(
            "bayes-02-multivariate.yaml", line: 7, key: "sampler.multivariate",
            .samplerKeyNotForMethod(key: "multivariate", method: "bayes")),
        .init(
            "bayes-03-ei-candidates.yaml", line: 5, key: "sampler.n_ei_candidates",
            .samplerKeyNotForMethod(key: "n_ei_candidates", method: "bayes")),
        .init(
            "bayes-04-unknown-sampler-key.yaml", line: 6, key: "sampler.constant_lair",
            .unknownSamplerKey(suggestion: "constant_liar")),
        .init(
            "bayes-05-fractional-startup-trials.yaml", line: 6, key: "sampler.n_startup_trials",
            value: "2.5", .notAnInteger),
    ]

    @Test(arguments: badCases)
    func badBayesSettingsAreLocated(_ bad: BadSweepCase) throws {
        let path = Self.fixtures.appendingPathComponent(bad.file).path
        let error = try #require(throws: SweepFileError.self) { try SweepSpec.load(path: path) }
        #expect(error.problem == bad.problem)
        #expect(error.line == bad.line)
        #expect(error.keyPath == bad.key)
        #expect(error.value == bad.value)
        #expect(error.description.hasPrefix("\(path):\(bad.line): \(bad.key): "))
    }

    @Test func everyFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasPrefix("bayes-") }
        #expect(Set(files) == Set(Self.badCases.map(\.file)))
    }

    private func parse(_ sampler: String) throws -> SweepSpec {
        try SweepSpec.parse(
            text: """
                name: gp
                method: bayes
                max_trials: 25
                seed: 4
                parameters:
                  lr: {distribution: log_uniform, min: 0.0001, max: 0.1}
                  batch_size: {values: [8, 16]}
                \(sampler)
                """, path: "gp.yaml")
    }

    @Test func bayesIsModelBasedWithTheSweepDefaults() throws {
        let spec = try parse("")
        #expect(spec.method == .bayes)
        #expect(spec.method.isModelBased)
        #expect(spec.samplerSettings == TPESettings.sweepFileDefaults)
        #expect(spec.planTrials().isEmpty)
        #expect(spec.sampler == nil)
    }

    @Test func itsSamplerKeysAreRead() throws {
        let settings = try #require(
            try parse("sampler: {n_startup_trials: 4, constant_liar: false}").samplerSettings)
        #expect(settings.startupTrials == 4)
        #expect(!settings.constantLiar)
    }

    @Test func validateDescribesTheGaussianProcess() throws {
        let summary = try parse("sampler: {n_startup_trials: 6}").summary(path: "gp.yaml")
        #expect(summary.contains("method:         bayes"))
        #expect(summary.contains("trials:         25 (proposed one at a time from the results"))
        #expect(
            summary.contains(
                "sampler:        n_startup_trials 6, constant_liar true (Gaussian process, "
                    + "Matérn-5/2 kernel, log expected improvement)"))
    }

    @Test func proposalsComeFromTheGaussianProcessAndNeverRepeatAStoredConfig() throws {
        let spec = try parse("sampler: {n_startup_trials: 2}")
        var records: [TrialRecord] = []
        for _ in 0..<6 {
            let next = try #require(try spec.proposeTrial(history: records))
            #expect(!records.contains { $0.key == next.key })
            records.append(
                TrialRecord(
                    config: next, state: .completed, epochsReached: 3,
                    metrics: StoreFixtures.metrics(apSmall: -abs(log10(next.parameters.lr) + 2))))
        }
        #expect(records.map(\.index) == Array(0..<6))
        #expect(try spec.proposeTrial(history: records) == spec.proposeTrial(history: records))
    }
}
