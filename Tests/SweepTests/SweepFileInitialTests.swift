import Foundation
import Testing
import Trainer

@testable import Sweep

/// `initial:` — configs that run first, for any method: parsing, each mistake located, and
/// where they land in the plan.
@Suite struct SweepFileInitialTests {
    static let badCases: [BadSweepCase] = [
        .init(
            "initial-01-value-outside-domain.yaml", line: 10, key: "initial[1].lr", value: "0.5",
            .initialValueOutsideDomain(parameter: "lr", domain: "log_uniform [0.001, 0.1]")),
        .init(
            "initial-02-not-a-listed-value.yaml", line: 9, key: "initial[0].loss",
            value: "focal",
            .initialValueOutsideDomain(parameter: "loss", domain: "values [mse, ce]")),
        .init(
            "initial-03-missing-parameter.yaml", line: 10, key: "initial[1].batch_size",
            .missingKey),
        .init(
            "initial-04-parameter-not-searched.yaml", line: 8, key: "initial[0].weight_decay",
            .initialParameterNotSearched),
        .init(
            "initial-05-duplicate-config.yaml", line: 11, key: "initial[2]",
            .duplicateInitialConfig(first: "initial[0]")),
        .init(
            "initial-06-more-than-max-trials.yaml", line: 7, key: "initial", value: "2 configs",
            .tooManyInitialConfigs(maxTrials: 1)),
        .init(
            "initial-07-not-a-multiple-of-q.yaml", line: 8, key: "initial[0].batch_size",
            value: "12",
            .initialValueOutsideDomain(
                parameter: "batch_size", domain: "q_log_uniform [8.0, 64.0] q 8.0")),
        .init(
            "initial-08-unknown-parameter.yaml", line: 8, key: "initial[0].lrr",
            .unknownParameter(suggestion: "lr")),
    ]

    @Test(arguments: badCases)
    func badInitialConfigsAreLocated(_ bad: BadSweepCase) throws {
        let path = SweepFileSamplerTests.fixtures.appendingPathComponent(bad.file).path
        let error = try #require(throws: SweepFileError.self) { try SweepSpec.load(path: path) }
        #expect(error.problem == bad.problem)
        #expect(error.line == bad.line)
        #expect(error.keyPath == bad.key)
        #expect(error.value == bad.value)
        #expect(error.description.hasPrefix("\(path):\(bad.line): \(bad.key): "))
    }

    @Test func everyFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: SweepFileSamplerTests.fixtures.path
        ).filter { $0.hasPrefix("initial-") }
        #expect(files.count == Self.badCases.count)
        #expect(Set(files) == Set(Self.badCases.map(\.file)))
    }

    private func spec(method: String, _ lines: String) throws -> SweepSpec {
        try SweepSpec.parse(
            text: """
                name: warm
                method: \(method)
                seed: 2
                parameters:
                  lr: {values: [0.01, 0.1]}
                  loss: {values: [mse, ce]}
                trainer: {batch_size: 16}
                \(lines)
                """, path: "warm.yaml")
    }

    @Test func aGridRunsItsInitialPointsFirstAndEachPointOnce() throws {
        let spec = try spec(
            method: "grid", "initial:\n  - {lr: 0.1, loss: ce}\n  - {loss: mse, lr: 0.1}")
        let plain = try self.spec(method: "grid", "")
        #expect(
            spec.initial == [
                TrialParameters(lr: 0.1, weightDecay: 0.0005, batchSize: 16, loss: .ce),
                TrialParameters(lr: 0.1, weightDecay: 0.0005, batchSize: 16, loss: .mse),
            ])
        let trials = spec.planTrials()
        #expect(trials.map(\.index) == [0, 1, 2, 3])
        #expect(trials.prefix(2).map(\.parameters) == spec.initial)
        #expect(Set(trials.map(\.key)) == Set(plain.planTrials().map(\.key)))
        #expect(trials.suffix(2).map(\.parameters.lr) == [0.01, 0.01])
    }

    @Test func initialConfigsCountTowardMaxTrials() throws {
        let random = try spec(
            method: "random", "max_trials: 5\ninitial:\n  - {lr: 0.1, loss: ce}")
        let trials = random.planTrials()
        #expect(trials.count == 5)
        #expect(trials.first?.parameters.lr == 0.1 && trials.first?.parameters.loss == .ce)
        #expect(trials.map(\.index) == Array(0..<5))

        let tpe = try spec(method: "tpe", "max_trials: 5\ninitial:\n  - {lr: 0.01, loss: ce}")
        #expect(tpe.planTrials().map(\.parameters) == tpe.initial)
    }

    @Test func validateListsTheInitialConfigs() throws {
        let summary = try spec(
            method: "tpe", "max_trials: 5\ninitial:\n  - {lr: 0.01, loss: ce}"
        ).summary()
        #expect(summary.contains("initial[0]:     lr 0.01, loss ce"))
    }

    @Test(arguments: [
        (ParameterDomain.values([.number(0.1)]), ParameterValue.number(0.1), true),
        (.values([.number(0.1)]), .number(0.2), false),
        (.uniform(min: 0, max: 1), .number(1), true),
        (.logUniform(min: 0.001, max: 0.1), .number(0.0009), false),
        (.intUniform(min: 8, max: 64), .integer(64), true),
        (.intUniform(min: 8, max: 64), .integer(65), false),
        (.qLogUniform(min: 0.001, max: 1, q: 0.001), .number(0.003), true),
        (.qLogUniform(min: 8, max: 64, q: 8), .integer(24), true),
        (.qLogUniform(min: 8, max: 64, q: 8), .integer(20), false),
    ])
    func domainsHoldWhatTheyCanProduce(domain: ParameterDomain, value: ParameterValue, holds: Bool)
    {
        #expect(domain.contains(value) == holds)
    }
}
