import Foundation
import Synchronization
import Testing
import Trainer

@testable import Sweep

/// Fake workers, small sweeps and recorders for the scheduler tests.
enum SchedulerFixtures {
    static let workers = SpecTestPaths.testsFolder.appendingPathComponent("Fixtures/workers")

    /// The fake worker `Fixtures/workers/NAME.sh`, with extra environment variables.
    static func worker(_ name: String, _ environment: [String: String] = [:]) -> WorkerLauncher {
        WorkerLauncher(
            executable: workers.appendingPathComponent("\(name).sh").path, arguments: ["worker"],
            environment: environment)
    }

    /// A grid over `lrs` (one trial each) with tiny synthetic data.
    static func spec(
        name: String = "sched", lrs: [Double] = [0.1, 0.2, 0.3, 0.4], epochs: Int = 2,
        trialTimeout: Double? = nil, maxRetries: Int = 1, timeBudget: Double? = nil
    ) -> SweepSpec {
        SweepSpec(
            name: name, method: .grid, seed: 1,
            parameters: [.lr: .values(lrs.map { .number($0) })],
            trainer: TrainingConfig(
                batchSize: 4, epochs: epochs,
                data: .synthetic(
                    SyntheticDatasetOptions(imageSize: 32, trainImages: 8, valImages: 4))),
            timeBudget: timeBudget, trialTimeout: trialTimeout, maxRetries: maxRetries,
            sourceText: "name: \(name)")
    }

    static func options(_ spec: SweepSpec, jobs: Int = 2, grace: Double = 30) -> SchedulerOptions {
        SchedulerOptions(spec: spec, jobs: jobs, grace: grace)
    }
}

/// Everything the scheduler reported, for assertions.
final class EventLog: Sendable {
    private let events = Mutex<[SchedulerEvent]>([])
    private let peakRunning = Mutex(0)

    func record(_ event: SchedulerEvent, _ progress: SweepProgress) {
        events.withLock { $0.append(event) }
        peakRunning.withLock { $0 = max($0, progress.running) }
    }

    var all: [SchedulerEvent] { events.withLock { $0 } }
    var maxRunning: Int { peakRunning.withLock { $0 } }

    var startedKeys: [String] {
        all.compactMap { if case .started(let trial, _) = $0 { trial.key } else { nil } }
    }

    var retries: Int {
        all.filter { if case .retrying = $0 { true } else { false } }.count
    }

    /// The distinct trials that reported epoch `epoch`.
    func trialsThatReported(epoch: Int) -> Set<String> {
        Set(
            all.compactMap {
                if case .epoch(let trial, let report) = $0, report.epoch == epoch {
                    trial.key
                } else {
                    nil
                }
            })
    }

    /// Waits until `count` trials have reported their first epoch (fake workers then sit in a
    /// gate or a hang, so the run's state is known). The 600 s cap only keeps a broken run from
    /// hanging the suite; nothing depends on how fast the machine is. (60 s ran out in full-suite
    /// runs on a loaded 2-core machine, where tests that block on `waitUntilExit` hold the
    /// cooperative pool's two threads for minutes.)
    func waitForFirstEpochs(_ count: Int) async throws {
        try await wait("\(count) first epochs") { $0.trialsThatReported(epoch: 1).count >= count }
    }

    /// Waits until `count` trials have started.
    func waitForStarts(_ count: Int) async throws {
        try await wait("\(count) starts") { $0.startedKeys.count >= count }
    }

    private func wait(_ what: String, until condition: (EventLog) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(600)
        while !condition(self), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(condition(self), "waited for \(what); events: \(all)")
    }
}

/// An early-stopping rule that prunes the trials it is told to at a given epoch, and logs every
/// report it gets (in a shared log, since the scheduler keeps its own copy of the rule).
struct MockEarlyStopRule: EarlyStopRule {
    final class Log: Sendable {
        private let reports = Mutex<[String]>([])
        func append(_ report: String) { reports.withLock { $0.append(report) } }
        var all: [String] { reports.withLock { $0 } }
    }

    let pruneAt: [String: Int]
    let log = Log()

    mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision {
        log.append("\(trial)@\(epoch)")
        if let epochToPrune = pruneAt[trial], epoch >= epochToPrune {
            return .prune(reason: "mock: below the median at epoch \(epoch)")
        }
        return .continue
    }
}
