import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct TPESamplerTests {
    private let defaults = TrialParameters(lr: 0.01, weightDecay: 0, batchSize: 8, loss: .mse)

    private func trial(lr: Double, _ state: TPEObservation.State) -> TPEObservation {
        TPEObservation(parameters: trialParameters(lr: lr), state: state)
    }

    private func trialParameters(lr: Double) -> TrialParameters {
        var parameters = defaults
        parameters.lr = lr
        return parameters
    }

    /// 30 completed trials on lr ∈ [0, 1] whose objective peaks at lr = 0.3.
    private var peakedHistory: [TPEObservation] {
        (0..<30).map { index in
            let lr = (Double(index) + 0.5) / 30
            return trial(lr: lr, .completed(value: -abs(lr - 0.3)))
        }
    }

    private let unitSpace: [Hyperparameter: ParameterDomain] = [.lr: .uniform(min: 0, max: 1)]

    @Test(arguments: [(1, 1), (10, 1), (11, 2), (100, 10), (249, 25), (250, 25), (1000, 25)])
    func goodCountIsOptunasGamma(count: Int, good: Int) {
        #expect(TPESettings.goodCount(of: count) == good)
    }

    @Test func splitRanksCompletedThenPrunedThenRunning() {
        // 11 considered trials → 2 good. The pruned trial has the highest value but ranks
        // below every completed one; of two pruned, the later step ranks first.
        var history = (0..<8).map { trial(lr: Double($0) / 10, .completed(value: Double($0))) }
        history.append(trial(lr: 0.91, .pruned(step: 2, value: 100)))
        history.append(trial(lr: 0.92, .pruned(step: 5, value: 50)))
        history.append(trial(lr: 0.93, .running))
        let withLiar = TPESampler.split(history: history, constantLiar: true)
        #expect(withLiar.good.map(\.lr) == [0.6, 0.7])
        #expect(withLiar.bad.count == 9)
        #expect(withLiar.bad.map(\.lr).contains(0.93))
        let withoutLiar = TPESampler.split(history: history, constantLiar: false)
        #expect(withoutLiar.good.map(\.lr) == [0.7])
        #expect(!withoutLiar.bad.map(\.lr).contains(0.93))
        #expect(withoutLiar.bad.count == 9)
    }

    @Test func runningTrialsAreNeverGood() {
        // 1 completed + 10 running = 11 considered → 2 good slots, but only the completed one
        // can fill them.
        let history =
            [trial(lr: 0.5, .completed(value: 1))]
            + (0..<10).map { trial(lr: Double($0) / 10, .running) }
        let split = TPESampler.split(history: history, constantLiar: true)
        #expect(split.good.map(\.lr) == [0.5])
        #expect(split.bad.count == 10)
    }

    @Test func prunedTrialsRankByStepThenValue() {
        // 11 pruned trials → 2 good: the two that reached step 9, higher value first.
        var history = (0..<9).map { trial(lr: Double($0) / 10, .pruned(step: 1, value: 10)) }
        history.append(trial(lr: 0.95, .pruned(step: 9, value: 1)))
        history.append(trial(lr: 0.96, .pruned(step: 9, value: 2)))
        let split = TPESampler.split(history: history, constantLiar: false)
        #expect(Set(split.good.map(\.lr)) == [0.95, 0.96])
    }

    @Test(arguments: [false, true])
    func proposalsConcentrateNearTheGoodObservations(multivariate: Bool) throws {
        let sampler = TPESampler(settings: TPESettings(multivariate: multivariate))
        let proposals = try (0..<60).map { index in
            try sampler.propose(
                space: unitSpace, defaults: defaults, history: peakedHistory, seed: 11,
                trialIndex: 30 + index
            ).lr
        }
        // Uniform draws would land within 0.1 of 0.3 a fifth of the time.
        let near = proposals.filter { abs($0 - 0.3) < 0.1 }.count
        #expect(near >= 45)
    }

    @Test func sameSeedAndHistoryGiveTheSameProposal() throws {
        let sampler = TPESampler()
        let first = try sampler.propose(
            space: unitSpace, defaults: defaults, history: peakedHistory, seed: 5, trialIndex: 30)
        let again = try sampler.propose(
            space: unitSpace, defaults: defaults, history: peakedHistory, seed: 5, trialIndex: 30)
        let otherSeed = try sampler.propose(
            space: unitSpace, defaults: defaults, history: peakedHistory, seed: 6, trialIndex: 30)
        #expect(first == again)
        #expect(first != otherSeed)
    }

    /// The start-up phase counts proposals, running ones included (not failed ones): with four
    /// workers the model takes over at the same trial as with one, instead of three random
    /// draws later. A proposal comes from the model exactly when it equals the one a sampler
    /// without start-up makes, and from the random phase when it equals one with a long start-up.
    @Test func runningTrialsCountTowardTheStartUpPhase() throws {
        func proposal(startup: Int, _ history: [TPEObservation]) throws -> TrialParameters {
            try TPESampler(settings: TPESettings(startupTrials: startup)).propose(
                space: unitSpace, defaults: defaults, history: history, seed: 11, trialIndex: 12)
        }
        let finished = Array(peakedHistory.prefix(8))
        let running = finished + [trial(lr: 0.31, .running), trial(lr: 0.29, .running)]
        #expect(try proposal(startup: 10, running) == proposal(startup: 0, running))
        #expect(try proposal(startup: 10, running) != proposal(startup: 100, running))
        let failed = finished + [trial(lr: 0.31, .failed), trial(lr: 0.29, .failed)]
        #expect(try proposal(startup: 10, failed) == proposal(startup: 100, failed))
    }

    /// A continuous space with a conditional parameter still has finite parts: with `loss: ce`
    /// only `lr` varies here, over two values. A stored point there is never proposed again
    /// (it used to be, and the sweep ended before its `max_trials`).
    @Test func theFinitePartOfAConditionalSpaceIsNotProposedTwice() throws {
        let space: [Hyperparameter: ParameterDomain] = [
            .loss: .values([.text("ce"), .text("focal")]),
            .focalGamma: .uniform(min: 0.5, max: 3),
            .lr: .values([.number(0.01), .number(0.1)]),
        ]
        let conditions: [Hyperparameter: ParameterCondition] = [
            .focalGamma: ParameterCondition(parent: .loss, values: [.text("focal")])
        ]
        let sampler = TPESampler(settings: TPESettings(startupTrials: 3, constantLiar: true))
        for seed in UInt64(0)..<5 {
            var history: [TPEObservation] = []
            for index in 0..<12 {
                let next = try sampler.propose(
                    space: space, conditions: conditions, defaults: defaults, history: history,
                    seed: seed, trialIndex: index)
                // ce is far better, so the model keeps asking for it.
                let value = next.loss == .ce ? 1 + next.lr : 0.1
                history.append(TPEObservation(parameters: next, state: .completed(value: value)))
            }
            #expect(Set(history.map(\.parameters)).count == 12, "seed \(seed)")
        }
    }

    @Test func constantLiarSteersAwayFromRunningTrials() throws {
        let liar = TPESampler(settings: TPESettings(constantLiar: true))
        let honest = TPESampler(settings: TPESettings(constantLiar: false))
        let alone = try liar.propose(
            space: unitSpace, defaults: defaults, history: peakedHistory, seed: 3, trialIndex: 30)
        // Ten workers already running at the proposed point.
        let running =
            peakedHistory
            + (0..<10).map { _ in
                TPEObservation(parameters: alone, state: .running)
            }
        let withLiar = try liar.propose(
            space: unitSpace, defaults: defaults, history: running, seed: 3, trialIndex: 30)
        let withoutLiar = try honest.propose(
            space: unitSpace, defaults: defaults, history: running, seed: 3, trialIndex: 30)
        // Without the liar the model is the one `alone` came from; the running point itself is
        // stored, so its best unseen candidate wins, next to it.
        #expect(withoutLiar != alone)
        #expect(abs(withoutLiar.lr - alone.lr) < 0.02)
        #expect(abs(withLiar.lr - alone.lr) > 0.05, "\(withLiar.lr) against \(alone.lr)")
    }

    @Test(arguments: [false, true])
    func finiteSpacesNeverRepeatAPoint(multivariate: Bool) throws {
        // 3 × 2 × 2 = 12 points: a list, an integer range and a list of losses.
        let space: [Hyperparameter: ParameterDomain] = [
            .lr: .values([.number(0.1), .number(0.01), .number(0.001)]),
            .batchSize: .intUniform(min: 4, max: 5),
            .loss: .values([.text("mse"), .text("ce")]),
        ]
        let sampler = TPESampler(
            settings: TPESettings(startupTrials: 3, multivariate: multivariate))
        var history: [TPEObservation] = []
        for index in 0..<12 {
            let next = try sampler.propose(
                space: space, defaults: defaults, history: history, seed: 2, trialIndex: index)
            #expect(!history.map(\.parameters).contains(next))
            // The best point is tried first, so TPE keeps proposing near it.
            let value = -abs(log10(next.lr) + 2) - Double(next.batchSize)
            history.append(TPEObservation(parameters: next, state: .completed(value: value)))
        }
        #expect(Set(history.map(\.parameters)).count == 12)
        #expect(throws: TPEError.spaceExhausted(size: 12)) {
            try sampler.propose(
                space: space, defaults: defaults, history: history, seed: 2, trialIndex: 12)
        }
    }

    @Test func runningTrialsAreNotProposedAgainInAFiniteSpace() throws {
        let space: [Hyperparameter: ParameterDomain] = [
            .loss: .values([.text("mse"), .text("ce"), .text("focal")])
        ]
        let sampler = TPESampler(settings: TPESettings(startupTrials: 0))
        var history: [TPEObservation] = []
        for index in 0..<3 {
            let next = try sampler.propose(
                space: space, defaults: defaults, history: history, seed: 9, trialIndex: index)
            history.append(TPEObservation(parameters: next, state: .running))
        }
        #expect(Set(history.map(\.parameters.loss)) == [.mse, .ce, .focal])
    }

    @Test func badInputsAreTypedErrors() {
        let sampler = TPESampler()
        #expect(throws: TPEError.nonFiniteValue(historyIndex: 0, .infinity)) {
            try sampler.propose(
                space: unitSpace, defaults: defaults,
                history: [trial(lr: 0.5, .completed(value: .infinity))], seed: 1, trialIndex: 1)
        }
        #expect(throws: TPEError.emptyDomain(.lr)) {
            try sampler.propose(
                space: [.lr: .values([])], defaults: defaults, history: [], seed: 1,
                trialIndex: 0)
        }
        #expect(throws: TPEError.nonPositiveLogBound(.lr, 0)) {
            try sampler.propose(
                space: [.lr: .logUniform(min: 0, max: 1)], defaults: defaults, history: [],
                seed: 1, trialIndex: 0)
        }
        #expect(throws: TPEError.emptyDomain(.batchSize)) {
            try sampler.propose(
                space: [.batchSize: .qLogUniform(min: 9, max: 15, q: 16)], defaults: defaults,
                history: [], seed: 1, trialIndex: 0)
        }
    }

    @Test func errorMessagesNameTheParameterAndValue() {
        #expect(
            TPEError.nonPositiveLogBound(.lr, 0).description
                == "lr: log-scale bound 0.0 must be positive")
        #expect(
            TPEError.spaceExhausted(size: 12).description
                == "all 12 points of the search space were already tried")
    }
}
