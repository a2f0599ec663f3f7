import Foundation
import Testing
import Trainer

@testable import Sweep

/// ``BayesSampler``: it learns (a 1-D toy over seeds against random), is deterministic, never
/// repeats a stored point, and handles running trials and conditional parameters.
@Suite struct BayesSamplerTests {
    private let defaults = TrialParameters(lr: 0.01, weightDecay: 0, batchSize: 8, loss: .mse)
    /// batch_size 1…100, best at 70.
    private let batchSpace: [Hyperparameter: ParameterDomain] = [
        .batchSize: .intUniform(min: 1, max: 100)
    ]

    private func toy(_ parameters: TrialParameters) -> Double {
        -pow(Double(parameters.batchSize - 70) / 100, 2)
    }

    /// Trials until a batch size within 2 of 70 is proposed; `budget + 1` if none is.
    private func trialsToTarget(
        startupTrials: Int, seed: UInt64, budget: Int = 40
    ) throws -> Int {
        let sampler = BayesSampler(settings: TPESettings(startupTrials: startupTrials))
        var history: [TPEObservation] = []
        for index in 0..<budget {
            let next = try sampler.propose(
                space: batchSpace, defaults: defaults, history: history, seed: seed,
                trialIndex: index)
            if abs(next.batchSize - 70) <= 2 { return index + 1 }
            history.append(TPEObservation(parameters: next, state: .completed(value: toy(next))))
        }
        return budget + 1
    }

    @Test func aOneDimensionalToyNeedsFewerTrialsThanRandom() throws {
        var bayes: [Int] = []
        var random: [Int] = []
        for seed in UInt64(0)..<12 {
            bayes.append(try trialsToTarget(startupTrials: 4, seed: seed))
            random.append(try trialsToTarget(startupTrials: .max, seed: seed))
        }
        let median = { (runs: [Int]) in runs.sorted()[runs.count / 2] }
        // Random hits 5 of 100 points per draw (median about 14 trials); the model should be
        // there a few trials after its 4 random start-up ones.
        #expect(median(bayes) * 2 <= median(random), "bayes \(bayes), random \(random)")
        #expect(bayes.allSatisfy { $0 <= 20 }, "bayes \(bayes)")
    }

    @Test func theSameSeedAndHistoryGiveTheSameProposal() throws {
        let sampler = BayesSampler(settings: TPESettings(startupTrials: 3))
        var history: [TPEObservation] = []
        for index in 0..<6 {
            let next = try sampler.propose(
                space: batchSpace, defaults: defaults, history: history, seed: 9, trialIndex: index)
            history.append(TPEObservation(parameters: next, state: .completed(value: toy(next))))
        }
        let once = try sampler.propose(
            space: batchSpace, defaults: defaults, history: history, seed: 9, trialIndex: 6)
        let again = try sampler.propose(
            space: batchSpace, defaults: defaults, history: history, seed: 9, trialIndex: 6)
        #expect(once == again)
    }

    /// The start-up phase counts proposals, running ones included (not failed ones), as
    /// ``TPESampler``'s: with four workers the model takes over at the same trial as with one.
    /// A proposal comes from the model exactly when it equals one made without start-up, and
    /// from the random phase when it equals one made with a long start-up.
    @Test func runningTrialsCountTowardTheStartUpPhase() throws {
        func proposal(startup: Int, _ history: [TPEObservation]) throws -> TrialParameters {
            try BayesSampler(settings: TPESettings(startupTrials: startup)).propose(
                space: batchSpace, defaults: defaults, history: history, seed: 4, trialIndex: 8)
        }
        func trial(_ batchSize: Int, _ state: TPEObservation.State) -> TPEObservation {
            var parameters = defaults
            parameters.batchSize = batchSize
            return TPEObservation(parameters: parameters, state: state)
        }
        let finished = [5, 20, 35, 50, 65, 90].map { trial($0, .completed(value: -Double($0))) }
        let running = finished + [trial(10, .running), trial(80, .running)]
        #expect(try proposal(startup: 8, running) == proposal(startup: 0, running))
        #expect(try proposal(startup: 8, running) != proposal(startup: 100, running))
        let failed = finished + [trial(10, .failed), trial(80, .failed)]
        #expect(try proposal(startup: 8, failed) == proposal(startup: 100, failed))
    }

    @Test func aFiniteSpaceIsExhaustedWithoutRepeatingAPoint() throws {
        let space: [Hyperparameter: ParameterDomain] = [
            .batchSize: .intUniform(min: 1, max: 6), .loss: .values([.text("mse"), .text("ce")]),
        ]
        let sampler = BayesSampler(settings: TPESettings(startupTrials: 2))
        var history: [TPEObservation] = []
        for index in 0..<12 {
            let next = try sampler.propose(
                space: space, defaults: defaults, history: history, seed: 1, trialIndex: index)
            #expect(!history.map(\.parameters).contains(next), "trial \(index) repeats")
            let value = Double(next.batchSize) + (next.loss == .ce ? 3 : 0)
            // Every third trial is still running when the next is proposed.
            let state: TPEObservation.State = index % 3 == 0 ? .running : .completed(value: value)
            history.append(TPEObservation(parameters: next, state: state))
        }
        #expect(Set(history.map(\.parameters)).count == 12)
        #expect(throws: TPEError.spaceExhausted(size: 12)) {
            try sampler.propose(
                space: space, defaults: defaults, history: history, seed: 1, trialIndex: 12)
        }
    }

    @Test func aContinuousSpaceGetsRefinedProposalsInsideTheDomain() throws {
        let space: [Hyperparameter: ParameterDomain] = [
            .lr: .logUniform(min: 0.001, max: 1), .weightDecay: .uniform(min: 0, max: 0.1),
        ]
        let sampler = BayesSampler(settings: TPESettings(startupTrials: 5, constantLiar: true))
        var history: [TPEObservation] = []
        for index in 0..<12 {
            let next = try sampler.propose(
                space: space, defaults: defaults, history: history, seed: 4, trialIndex: index)
            #expect((0.001...1).contains(next.lr))
            #expect((0...0.1).contains(next.weightDecay))
            let value = -pow(log10(next.lr) + 2, 2) - 100 * next.weightDecay
            history.append(TPEObservation(parameters: next, state: .completed(value: value)))
        }
        // Best of the model's seven proposals beats the five random start-up draws' best.
        let values = history.map {
            if case .completed(let value) = $0.state { return value }
            return -.infinity
        }
        #expect(values[5...].max()! > values[..<5].max()!)
    }

    @Test func aConditionalParameterIsSetOnlyWhereItsConditionHolds() throws {
        let space: [Hyperparameter: ParameterDomain] = [
            .loss: .values([.text("mse"), .text("ce"), .text("focal")]),
            .focalGamma: .uniform(min: 0.5, max: 3),
        ]
        let conditions: [Hyperparameter: ParameterCondition] = [
            .focalGamma: ParameterCondition(parent: .loss, values: [.text("focal")])
        ]
        let sampler = BayesSampler(settings: TPESettings(startupTrials: 4))
        var history: [TPEObservation] = []
        for index in 0..<12 {
            let next = try sampler.propose(
                space: space, conditions: conditions, defaults: defaults, history: history,
                seed: 2, trialIndex: index)
            #expect((next.loss == .focal) == (next.focalGamma != nil))
            let value = next.loss == .focal ? 1 - abs((next.focalGamma ?? 0) - 2) : 0
            history.append(TPEObservation(parameters: next, state: .completed(value: value)))
        }
        #expect(history[4...].filter { $0.parameters.loss == .focal }.count >= 5)
    }

    @Test func aNonFiniteObjectiveIsRefused() {
        let history = [
            TPEObservation(parameters: defaults, state: .completed(value: .infinity))
        ]
        #expect(throws: TPEError.nonFiniteValue(historyIndex: 0, .infinity)) {
            try BayesSampler().propose(
                space: batchSpace, defaults: defaults, history: history, seed: 0, trialIndex: 1)
        }
    }
}
