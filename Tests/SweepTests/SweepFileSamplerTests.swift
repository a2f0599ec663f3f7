import Foundation
import Testing

@testable import Sweep

/// `method: tpe` and its `sampler:` settings: defaults, every key, and each mistake located.
@Suite struct SweepFileSamplerTests {
    static let fixtures = SpecTestPaths.testsFolder.appendingPathComponent(
        "Fixtures/bad-search-sweeps")

    static let badCases: [BadSweepCase] = [
        .init("tpe-01-without-max-trials.yaml", line: 2, key: "max_trials", .maxTrialsRequired),
        .init(
            "tpe-02-unknown-sampler-key.yaml", line: 6, key: "sampler.n_startup_trails",
            .unknownSamplerKey(suggestion: "n_startup_trials")),
        .init(
            "tpe-03-sampler-with-grid.yaml", line: 4, key: "sampler",
            .samplerNotAllowed(method: "grid")),
        .init(
            "tpe-04-negative-startup-trials.yaml", line: 7, key: "sampler.n_startup_trials",
            value: "-1", .outOfRange(requirement: "must be >= 0")),
        .init(
            "tpe-05-constant-liar-not-boolean.yaml", line: 6, key: "sampler.constant_liar",
            value: "sometimes", .wrongType(expected: "true or false")),
        .init(
            "tpe-06-too-many-candidates.yaml", line: 5, key: "sampler.n_ei_candidates",
            value: "1000000", .outOfRange(requirement: "must be <= 10000")),
        .init(
            "tpe-07-sampler-not-a-mapping.yaml", line: 7, key: "sampler", value: "a list",
            .notAMapping),
    ]

    @Test(arguments: badCases)
    func badSamplerSettingsAreLocated(_ bad: BadSweepCase) throws {
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
            .filter { $0.hasPrefix("tpe-") }
        #expect(files.count == Self.badCases.count)
        #expect(Set(files) == Set(Self.badCases.map(\.file)))
    }

    private func parse(_ sampler: String) throws -> SweepSpec {
        try SweepSpec.parse(
            text: """
                name: tpe
                method: tpe
                max_trials: 30
                seed: 4
                parameters:
                  lr: {distribution: log_uniform, min: 0.0001, max: 0.1}
                  loss: {values: [mse, ce]}
                \(sampler)
                """, path: "tpe.yaml")
    }

    @Test func withoutSamplerSettingsTPETakesTheSweepDefaults() throws {
        let spec = try parse("")
        #expect(spec.method == .tpe)
        #expect(spec.method.isModelBased)
        #expect(spec.maxTrials == 30)
        #expect(
            spec.samplerSettings
                == TPESettings(
                    startupTrials: 10, eiCandidates: 24, priorWeight: 1, multivariate: false,
                    constantLiar: true))
        #expect(spec.planTrials().isEmpty)
    }

    @Test func everySamplerKeyIsRead() throws {
        let spec = try parse(
            """
            sampler:
              n_startup_trials: 3
              multivariate: yes
              constant_liar: false
              n_ei_candidates: 64
            """)
        let settings = try #require(spec.samplerSettings)
        #expect(settings.startupTrials == 3)
        #expect(settings.multivariate)
        #expect(!settings.constantLiar)
        #expect(settings.eiCandidates == 64)
    }

    @Test func gridAndRandomHaveNoSamplerSettings() throws {
        let random = try SweepSpec.parse(
            text: "name: r\nmethod: random\nmax_trials: 3\nparameters: {lr: {values: [0.1]}}\n",
            path: "r.yaml")
        #expect(random.samplerSettings == nil)
        #expect(!random.method.isModelBased)
    }

    @Test func validatePrintsTheSamplerSettings() throws {
        let summary = try parse("sampler: {n_startup_trials: 5}").summary(path: "tpe.yaml")
        #expect(summary.contains("method:         tpe"))
        #expect(summary.contains("trials:         30 (proposed one at a time"))
        #expect(
            summary.contains(
                "sampler:        n_startup_trials 5, n_ei_candidates 24, multivariate false, "
                    + "constant_liar true"))
    }
}
