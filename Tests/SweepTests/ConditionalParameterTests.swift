import Foundation
import Testing
import Trainer

@testable import Sweep

/// Conditional parameters (`when:`): parsing and its located mistakes, grid size, random and
/// TPE never setting an inactive parameter, trial keys, and empty export cells.
@Suite struct ConditionalParameterTests {
    private func spec(method: String, _ parameters: String, extra: String = "") throws -> SweepSpec
    {
        try SweepSpec.parse(
            text: """
                name: focal
                method: \(method)
                seed: 3
                parameters:
                \(parameters)
                trainer: {batch_size: 16}
                \(extra)
                """, path: "focal.yaml")
    }

    private let focalSpace = """
          lr: {values: [0.01, 0.1]}
          loss: {values: [ce, focal]}
          focal_gamma: {values: [1, 2, 3], when: {loss: focal}}
        """

    @Test func aConditionNamesItsParentAndValues() throws {
        let spec = try spec(
            method: "random",
            """
              loss: {values: [mse, ce, focal]}
              focal_gamma: {distribution: uniform, min: 0.5, max: 3, when: {loss: focal}}
              focal_alpha: {distribution: uniform, min: 0.1, max: 0.9, when: {loss: [focal, ce]}}
            """, extra: "max_trials: 4")
        #expect(
            spec.conditions[.focalGamma]
                == ParameterCondition(parent: .loss, values: [.text("focal")]))
        #expect(spec.conditions[.focalAlpha]?.values == [.text("focal"), .text("ce")])
        #expect(spec.parameters[.focalGamma] == .uniform(min: 0.5, max: 3))
        let summary = spec.summary()
        #expect(summary.contains("\nconditional:\n  focal_gamma:  only when loss is focal\n"))
        #expect(summary.contains("  focal_alpha:  only when loss is one of focal, ce\n"))
    }

    @Test func withoutWhenFocalParametersArePlainSearchedOnes() throws {
        let spec = try spec(
            method: "random", "  focal_gamma: {distribution: uniform, min: 0.5, max: 3}",
            extra: "max_trials: 5")
        #expect(spec.conditions.isEmpty)
        let trials = spec.planTrials()
        #expect(trials.allSatisfy { $0.parameters.focalGamma != nil })
        #expect(trials.allSatisfy { $0.training.focalGamma == $0.parameters.focalGamma })
    }

    @Test(arguments: [
        (
            "{lss: focal}", "parameters.focal_gamma.when.lss",
            SweepFileProblem.unknownParameter(suggestion: "loss")
        ),
        ("{focal_gamma: 2}", "parameters.focal_gamma.when.focal_gamma", .conditionOnItself),
        ("{lr: 0.01}", "parameters.focal_gamma.when.lr", .conditionParentNotCategorical),
        (
            "{batch_size: 8}", "parameters.focal_gamma.when.batch_size",
            .conditionParentNotCategorical
        ),
        (
            "{loss: mse}", "parameters.focal_gamma.when.loss",
            .conditionValueNotInParent(parent: "loss", values: "ce, focal")
        ),
        (
            "{loss: [focal, mse]}", "parameters.focal_gamma.when.loss[1]",
            .conditionValueNotInParent(parent: "loss", values: "ce, focal")
        ),
        ("{loss: focal, lr: 0.1}", "parameters.focal_gamma.when", .conditionNotOneParameter),
        (
            "{focal_alpha: 0.5}", "parameters.focal_gamma.when.focal_alpha",
            .conditionParentConditional
        ),
    ])
    func badConditionsAreLocated(when: String, keyPath: String, problem: SweepFileProblem) throws {
        let error = try #require(throws: SweepFileError.self) {
            try spec(
                method: "random",
                """
                  lr: {distribution: log_uniform, min: 0.001, max: 0.1}
                  loss: {values: [ce, focal]}
                  focal_alpha: {values: [0.5], when: {loss: focal}}
                  focal_gamma: {distribution: uniform, min: 0.5, max: 3, when: \(when)}
                """, extra: "max_trials: 2")
        }
        #expect(error.problem == problem)
        #expect(error.keyPath == keyPath)
        #expect(error.line == 8)
        #expect(error.description.hasPrefix("focal.yaml:8: \(keyPath): "))
    }

    @Test func anInitialConfigGivesAConditionalParameterExactlyWhereItIsActive() throws {
        let good = try spec(
            method: "grid", focalSpace,
            extra: "initial:\n  - {lr: 0.1, loss: ce}\n  - {lr: 0.1, loss: focal, focal_gamma: 2}")
        #expect(good.initial.map(\.focalGamma) == [nil, 2])
        let inactive = try #require(throws: SweepFileError.self) {
            try spec(
                method: "grid", focalSpace,
                extra: "initial:\n  - {lr: 0.1, loss: ce, focal_gamma: 2}")
        }
        #expect(inactive.problem == .initialParameterInactive(condition: "only when loss is focal"))
        #expect(inactive.keyPath == "initial[0].focal_gamma")
        let missing = try #require(throws: SweepFileError.self) {
            try spec(method: "grid", focalSpace, extra: "initial:\n  - {lr: 0.1, loss: focal}")
        }
        #expect(missing.problem == .missingKey)
        #expect(missing.keyPath == "initial[0].focal_gamma")
    }

    @Test func inactiveParametersDoNotMultiplyTheGrid() throws {
        let trials = try spec(method: "grid", focalSpace).planTrials()
        // 2 lr × (1 ce + 3 focal γ) = 8, not 2 × 2 × 3 = 12.
        #expect(trials.count == 8)
        #expect(
            trials.filter { $0.parameters.loss == .ce }.allSatisfy {
                $0.parameters.focalGamma == nil
            })
        let focal = trials.filter { $0.parameters.loss == .focal }
        #expect(focal.compactMap(\.parameters.focalGamma).sorted() == [1, 1, 2, 2, 3, 3])
        #expect(focal.allSatisfy { $0.training.focalGamma == $0.parameters.focalGamma })
        #expect(Set(trials.map(\.key)).count == 8)
    }

    @Test func aTPESpaceCountsConditionalPointsOnlyWhereActive() throws {
        let spec = try spec(method: "tpe", focalSpace, extra: "max_trials: 4")
        #expect(spec.proposalSpaceSize == 8)
    }

    @Test func randomSearchDrawsOnlyActiveParameters() throws {
        let spec = try spec(
            method: "random",
            """
              lr: {distribution: log_uniform, min: 0.001, max: 0.1}
              loss: {values: [ce, focal]}
              focal_gamma: {distribution: uniform, min: 0.5, max: 3, when: {loss: focal}}
            """, extra: "max_trials: 40")
        let trials = spec.planTrials()
        #expect(trials.map(\.parameters) == spec.planTrials().map(\.parameters))
        #expect(trials.contains { $0.parameters.loss == .ce })
        for trial in trials {
            #expect((trial.parameters.focalGamma != nil) == (trial.parameters.loss == .focal))
        }
        // The conditional draw comes last, so the unconditional stream is the one a sweep
        // without focal_gamma draws.
        var plain = spec
        plain.parameters[.focalGamma] = nil
        plain.conditions = [:]
        #expect(plain.planTrials().map(\.parameters.lr) == trials.map(\.parameters.lr))
    }

    @Test func keysOfTrialsWithoutFocalParametersAreUnchanged() {
        let parameters = TrialParameters(lr: 0.01, weightDecay: 0.0005, batchSize: 16, loss: .ce)
        #expect(
            parameters.canonicalDescription == "lr=0.01,weight_decay=0.0005,batch_size=16,loss=ce")
        var focal = parameters
        focal.focalGamma = 2
        #expect(focal.canonicalDescription.hasSuffix(",loss=ce,focal_gamma=2.0"))
        #expect(
            TrialKey.make(sweep: "s", parameters: focal, seed: 0)
                != TrialKey.make(sweep: "s", parameters: parameters, seed: 0))
    }

    @Test func storedParametersOmitUnsetFocalValuesAndOldRowsStillDecode() throws {
        let old = #"{"lr":0.01,"weight_decay":0.0005,"batch_size":16,"loss":"ce"}"#
        let decoded = try JSONDecoder().decode(TrialParameters.self, from: Data(old.utf8))
        #expect(decoded.focalGamma == nil && decoded.focalAlpha == nil)
        let encoded = String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
        #expect(!encoded.contains("focal"))
        var focal = decoded
        focal.focalAlpha = 0.5
        let again = try JSONDecoder().decode(
            TrialParameters.self, from: try JSONEncoder().encode(focal))
        #expect(again == focal)
    }

    /// A TPE run over loss × focal_gamma whose objective is best for focal with γ near 2.
    private func tpeRun(multivariate: Bool) throws -> [TrialParameters] {
        let space: [Hyperparameter: ParameterDomain] = [
            .loss: .values([.text("mse"), .text("ce"), .text("focal")]),
            .focalGamma: .uniform(min: 0.5, max: 3),
        ]
        let conditions: [Hyperparameter: ParameterCondition] = [
            .focalGamma: ParameterCondition(parent: .loss, values: [.text("focal")])
        ]
        let sampler = TPESampler(
            settings: TPESettings(startupTrials: 5, multivariate: multivariate))
        let defaults = TrialParameters(lr: 0.01, weightDecay: 0, batchSize: 8, loss: .mse)
        var history: [TPEObservation] = []
        for index in 0..<30 {
            let next = try sampler.propose(
                space: space, conditions: conditions, defaults: defaults, history: history,
                seed: 11, trialIndex: index)
            let value: Double =
                switch next.loss {
                case .focal: 1 - abs((next.focalGamma ?? 0) - 2)
                case .ce: 0.2
                case .mse: 0
                }
            history.append(TPEObservation(parameters: next, state: .completed(value: value)))
        }
        return history.map(\.parameters)
    }

    @Test(arguments: [false, true])
    func tpeOverAConditionalSpaceIsDeterministicAndFindsFocalSettings(multivariate: Bool)
        throws
    {
        let run = try tpeRun(multivariate: multivariate)
        #expect(run == (try tpeRun(multivariate: multivariate)))
        for parameters in run {
            #expect((parameters.focalGamma != nil) == (parameters.loss == .focal))
        }
        let late = run.suffix(10)
        #expect(late.filter { $0.loss == .focal }.count >= 7)
        let closest = run.compactMap(\.focalGamma).map { abs($0 - 2) }.min() ?? 1
        #expect(closest < 0.1)
    }

    @Test func exportLeavesInactiveCellsEmpty() throws {
        var focal = StoreFixtures.record(1, apSmall: 0.3)
        focal.config.parameters.loss = .focal
        focal.config.parameters.focalGamma = 2.5
        let ce = StoreFixtures.record(2, apSmall: 0.2)
        let records = try #require(
            RFC4180Reader.parse(RankingCSV.render(Ranking.rank([focal, ce]))))
        let header = records[0]
        let gamma = try #require(header.firstIndex(of: "focal_gamma"))
        let alpha = try #require(header.firstIndex(of: "focal_alpha"))
        #expect(records[1][gamma] == "2.5")
        #expect(records[1][alpha] == "")
        #expect(records[2][gamma] == "")
    }
}
