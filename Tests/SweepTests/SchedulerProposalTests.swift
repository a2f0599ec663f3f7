import Foundation
import Testing
import Trainer

@testable import Sweep

/// Lazy planning: a `method: tpe` sweep run by the scheduler against fake workers
/// (`Fixtures/workers/ok.sh`: ap_small = lr) and a temporary SQLite store.
@Suite struct SchedulerProposalTests {
    typealias Fixtures = SchedulerFixtures

    /// A tpe sweep over lr (log-uniform, or the listed values) and two losses.
    private func spec(
        lrs: [Double]? = nil, maxTrials: Int, startup: Int = 2, epochs: Int = 2,
        earlyStop: EarlyStopSpec? = nil
    ) -> SweepSpec {
        var spec = Fixtures.spec(name: "lazy", epochs: epochs)
        spec.method = .tpe
        spec.maxTrials = maxTrials
        spec.samplerSettings = TPESettings(startupTrials: startup, constantLiar: true)
        spec.parameters = [
            .lr: lrs.map { .values($0.map { .number($0) }) } ?? .logUniform(min: 0.01, max: 1),
            .loss: .values([.text("mse"), .text("ce")]),
        ]
        spec.earlyStop = earlyStop
        return spec
    }

    private func run(
        _ spec: SweepSpec, _ store: any TrialStore, jobs: Int, log: EventLog = EventLog()
    ) async throws -> RunSummary {
        let scheduler = Scheduler(
            spec: spec, store: store, launcher: Fixtures.worker("ok"),
            options: Fixtures.options(spec, jobs: jobs),
            earlyStop: spec.earlyStop?.makeRule(maxEpochs: spec.trainer.epochs),
            onEvent: log.record)
        return try await scheduler.run()
    }

    @Test func proposesUpToMaxTrialsAsSlotsFreeAndNeverTheSameConfigTwice() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = spec(maxTrials: 6)
            let log = EventLog()
            let summary = try await run(spec, store, jobs: 2, log: log)

            #expect(summary.ending == .allFinished)
            #expect(summary.total == 6)
            #expect(summary.outcomes == [.completed: 6])
            #expect(summary.remaining == 0)
            #expect(log.maxRunning == 2)
            let trials = try store.trials(sweep: spec.name)
            #expect(trials.map(\.index) == Array(0..<6))
            #expect(Set(trials.map(\.config.parameters)).count == 6)
            #expect(log.startedKeys == trials.map(\.key))
            for trial in trials {
                #expect(trial.state == .completed)
                #expect(trial.metrics?.apSmall == trial.config.parameters.lr)
                #expect(
                    trial.key
                        == TrialKey.make(
                            sweep: spec.name, parameters: trial.config.parameters, seed: 1))
            }
        }
    }

    @Test func aSpaceWithFewerPointsThanMaxTrialsEndsWhenEveryPointWasTried() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = spec(lrs: [0.1, 0.2], maxTrials: 10)
            let summary = try await run(spec, store, jobs: 2)

            #expect(summary.ending == .allFinished)
            #expect(summary.outcomes == [.completed: 4])
            #expect(summary.remaining == 0)
            #expect(summary.total == 4)
            #expect(Set(try store.trials(sweep: spec.name).map(\.key)).count == 4)
        }
    }

    @Test func prunedTrialsAreStoredAndTheSweepGoesOn() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = spec(maxTrials: 8, startup: 3, epochs: 3)
            // Trials with lr < 0.1 stall after epoch 1, where the rule prunes them (their
            // ap_small there is lr / 3 < 0.034); the others never reach its threshold.
            let scheduler = Scheduler(
                spec: spec, store: store,
                launcher: Fixtures.worker("ok", ["FAKE_STALL_BELOW": "0.1"]),
                options: Fixtures.options(spec, jobs: 2),
                earlyStop: PruneBelowRule(threshold: 0.034))
            let summary = try await scheduler.run()

            #expect(summary.ending == .allFinished)
            #expect(summary.finished == 8)
            let trials = try store.trials(sweep: spec.name)
            #expect(trials.count == 8)
            let slow = trials.filter { $0.config.parameters.lr < 0.1 }
            #expect(!slow.isEmpty)
            #expect(summary.outcomes[.pruned] == slow.count)
            for trial in slow {
                #expect(trial.state == .pruned)
                #expect(
                    TPEObservation(record: trial).state
                        == .pruned(step: 1, value: try #require(trial.metrics).apSmall))
            }
        }
    }

    @Test func initialConfigsRunFirstAndCountTowardMaxTrials() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            var spec = spec(maxTrials: 4)
            let defaults = TrialParameters(defaults: spec.trainer)
            spec.initial = [(0.5, LossKind.ce), (0.02, .mse)].map { lr, loss in
                var config = defaults
                config.lr = lr
                config.loss = loss
                return config
            }
            let log = EventLog()
            let summary = try await run(spec, store, jobs: 1, log: log)

            #expect(summary.outcomes == [.completed: 4])
            let trials = try store.trials(sweep: spec.name)
            #expect(trials.map(\.index) == [0, 1, 2, 3])
            #expect(trials.prefix(2).map(\.config.parameters) == spec.initial)
            #expect(log.startedKeys == trials.map(\.key))
        }
    }

    @Test func aRunAfterTheLastProposalStartsNothing() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = spec(maxTrials: 3)
            _ = try await run(spec, store, jobs: 2)
            let log = EventLog()
            let again = try await run(spec, store, jobs: 2, log: log)
            #expect(log.startedKeys.isEmpty)
            #expect(again.ending == .allFinished)
            #expect(again.total == 3)

            var more = spec
            more.maxTrials = 5
            let extended = try await run(more, store, jobs: 2)
            #expect(extended.outcomes == [.completed: 2])
            #expect(try store.trials(sweep: spec.name).map(\.index) == Array(0..<5))
        }
    }

    @Test func theTimeBudgetLeavesTheUnproposedTrialsForTheNextRun() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            // Each trial takes at least 0.6 s, one at a time: within a 1 s budget at most two
            // start, and nothing is proposed after it.
            var spec = spec(maxTrials: 5)
            spec.timeBudget = 1
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("ok", ["FAKE_SLEEP": "0.3"]),
                options: Fixtures.options(spec, jobs: 1))
            let summary = try await scheduler.run()

            #expect(summary.ending == .timeBudget)
            let stored = try store.trials(sweep: spec.name)
            #expect((1...2).contains(stored.count))
            #expect(stored.allSatisfy { $0.state == .completed })
            #expect(summary.remaining == 5 - stored.count)

            spec.timeBudget = nil
            let rest = try await run(spec, store, jobs: 2)
            #expect(rest.ending == .allFinished)
            #expect(rest.finished == 5 - stored.count)
            #expect(try store.trials(sweep: spec.name).map(\.index) == Array(0..<5))
        }
    }

    /// The samplers share one error type; the message names the method the sweep file chose.
    @Test(arguments: [SearchMethod.tpe, .bayes])
    func samplerErrorsNameTheSweepsMethod(method: SearchMethod) {
        #expect(
            SchedulerError.sampler(method: method, .emptyDomain(.lr)).description
                == "cannot propose the next trial: \(method.rawValue): lr: the domain holds no value"
        )
    }

    @Test func anEditedTrainerSectionIsRefusedBeforeAnythingRuns() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            var spec = spec(maxTrials: 2)
            _ = try await run(spec, store, jobs: 1)
            spec.maxTrials = 4
            spec.trainer.epochs = 3
            let log = EventLog()
            await #expect(throws: SchedulerError.self) {
                try await run(spec, store, jobs: 1, log: log)
            }
            #expect(log.startedKeys.isEmpty)
            #expect(try store.trials(sweep: spec.name).count == 2)
        }
    }
}

/// Prunes a trial at epoch 1 when its value is below `threshold`.
private struct PruneBelowRule: EarlyStopRule {
    let threshold: Double

    mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision {
        epoch == 1 && value < threshold ? .prune(reason: "below \(threshold)") : .continue
    }
}
