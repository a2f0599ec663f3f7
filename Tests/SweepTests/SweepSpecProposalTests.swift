import Foundation
import Testing
import Trainer

@testable import Sweep

/// ``SweepSpec/proposeTrial(history:)`` and how stored trials become TPE observations.
@Suite struct SweepSpecProposalTests {
    private func spec(
        _ parameters: [Hyperparameter: ParameterDomain], maxTrials: Int = 20, startup: Int = 3
    ) -> SweepSpec {
        SweepSpec(
            name: "tpe", method: .tpe, maxTrials: maxTrials, seed: 5, parameters: parameters,
            samplerSettings: TPESettings(startupTrials: startup, constantLiar: true))
    }

    private let lrSpace: [Hyperparameter: ParameterDomain] = [
        .lr: .logUniform(min: 0.001, max: 1), .loss: .values([.text("mse"), .text("ce")]),
    ]

    /// Stores `config` with `state` and ap_small `value` as a record.
    private func record(
        _ config: TrialConfig, _ state: TrialState, _ value: Double?, epochs: Int = 3
    ) -> TrialRecord {
        TrialRecord(
            config: config, state: state, epochsReached: epochs,
            metrics: value.map { StoreFixtures.metrics(apSmall: $0) })
    }

    /// Proposes `count` trials one after another, each completed with ap_small = `objective`.
    private func history(
        _ spec: SweepSpec, count: Int, objective: (TrialParameters) -> Double
    ) throws -> [TrialRecord] {
        var records: [TrialRecord] = []
        for _ in 0..<count {
            let next = try #require(try spec.proposeTrial(history: records))
            records.append(record(next, .completed, objective(next.parameters)))
        }
        return records
    }

    @Test func storedStatesBecomeObservations() {
        let config = StoreFixtures.trial(0)
        let cases: [(TrialState, Double?, TPEObservation.State)] = [
            (.completed, 0.3, .completed(value: 0.3)),
            (.pruned, 0.1, .pruned(step: 2, value: 0.1)),
            (.queued, nil, .running), (.running, 0.2, .running), (.interrupted, nil, .running),
            (.failed, nil, .failed), (.timedOut, 0.2, .failed), (.diverged, 0.2, .failed),
            (.completed, nil, .failed), (.completed, .nan, .failed),
        ]
        for (state, value, expected) in cases {
            let observation = TPEObservation(record: record(config, state, value, epochs: 2))
            #expect(observation.state == expected, "\(state) \(String(describing: value))")
            #expect(observation.parameters == config.parameters)
        }
    }

    @Test func theFirstProposalIsNumberedZeroAndKeyedLikeAGridPoint() throws {
        let spec = spec(lrSpace)
        let first = try #require(try spec.proposeTrial(history: []))
        #expect(first.index == 0)
        #expect(first.key == TrialKey.make(sweep: "tpe", parameters: first.parameters, seed: 5))
        #expect(first.training.lr == first.parameters.lr)
        #expect(first.training.seed == 5)
        let later = try spec.proposeTrial(history: [record(first, .running, nil)])
        #expect(later?.index == 1)
    }

    @Test func theSameHistoryGivesTheSameProposal() throws {
        let spec = spec(lrSpace)
        let records = try history(spec, count: 8) { -abs(log10($0.lr) + 1) }
        let once = try spec.proposeTrial(history: records)
        let again = try spec.proposeTrial(history: records)
        #expect(once != nil)
        #expect(once == again)
        var reseeded = spec
        reseeded.seed = 6
        #expect(try reseeded.proposeTrial(history: records)?.parameters != once?.parameters)
    }

    @Test func aFiniteSpaceIsProposedOnceEachThenExhausted() throws {
        let spec = spec([.lr: .values([.number(0.01), .number(0.1), .number(1)])], startup: 1)
        let records = try history(spec, count: 3) { $0.lr }
        #expect(Set(records.map(\.key)).count == 3)
        #expect(try spec.proposeTrial(history: records) == nil)
    }

    @Test func theSpaceSizeIsKnownWhenEveryDomainIsFinite() throws {
        let finite = spec([
            .lr: .values([.number(0.01), .number(0.1)]), .batchSize: .intUniform(min: 8, max: 11),
            .weightDecay: .qLogUniform(min: 0.001, max: 0.004, q: 0.001),
        ])
        #expect(finite.proposalSpaceSize == 2 * 4 * 4)
        #expect(spec(lrSpace).proposalSpaceSize == nil)
        #expect(
            finite.summary().contains(
                "20 (proposed one at a time from the results, seed 5) of a space of 32 points"))
    }

    @Test func failedTrialsAreNeverProposedAgain() throws {
        let spec = spec([.lr: .values([.number(0.01), .number(0.1)])], startup: 0)
        let first = try #require(try spec.proposeTrial(history: []))
        let second = try #require(
            try spec.proposeTrial(history: [record(first, .failed, nil)]))
        #expect(second.parameters.lr != first.parameters.lr)
    }

    @Test func gridAndRandomProposeNothing() throws {
        var grid = spec(lrSpace)
        grid.method = .grid
        grid.samplerSettings = nil
        #expect(try grid.proposeTrial(history: []) == nil)
    }

    @Test func theModelFollowsTheObjective() throws {
        // ap_small peaks at lr 0.01: after 30 trials the proposals crowd around it (uniform
        // draws over the four decades would land within half a decade of it one time in four).
        let spec = spec([.lr: .logUniform(min: 0.0001, max: 1)], startup: 5)
        let records = try history(spec, count: 30) { -abs(log10($0.lr) + 2) }
        let distances: [Double] = records.map { abs(log10($0.config.parameters.lr) + 2) }
        let lateMean: Double = distances.suffix(10).reduce(0, +) / 10
        let earlyMean: Double = distances.prefix(5).reduce(0, +) / 5
        #expect(lateMean < earlyMean)
        #expect(distances.suffix(10).filter { $0 < 0.5 }.count >= 5)
    }
}
