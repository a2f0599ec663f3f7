import Foundation
import Trainer

@testable import Sweep

/// A sweep's scripted epochs written to a real SQLite store and read back as a restarted `run`
/// reads them, to check that an early-stopping rule rebuilt from storage decides as the live one.
struct StoredHistory {
    /// The scripted trial names in order of first appearance; the plan index of each.
    let names: [String]

    init(planning steps: [ScriptedStep]) {
        var names: [String] = []
        for step in steps where !names.contains(step.trial) {
            names.append(step.trial)
        }
        self.names = names
    }

    /// The planned trial behind a scripted name (or plan index).
    func trial(_ index: Int) -> TrialConfig {
        StoreFixtures.trial(index, lr: Double(index + 1) / 100)
    }

    /// `steps` with each trial name replaced by its store key, as the scheduler names trials.
    func keyed(_ steps: [ScriptedStep]) -> [ScriptedStep] {
        steps.map { step in
            let key = names.firstIndex(of: step.trial).map { trial($0).key } ?? step.trial
            return (key, step.epoch, step.value, step.continues)
        }
    }

    /// Plans every named trial in a fresh database in `folder`, stores the epochs of `finished`
    /// (each of its trials ends there: pruned if a step stopped it, else completed), and loads
    /// the history back with ``SweepHistory/load(from:sweep:)``.
    func storeAndLoad(_ finished: [ScriptedStep], in folder: TemporaryFolder) throws
        -> SweepHistory
    {
        let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
        let sweepID = try store.openSweep(name: "s", specText: "")
        try store.plan(sweepID: sweepID, trials: names.indices.map(trial))
        var started: [String] = []
        var pruned: Set<String> = []
        for step in keyed(finished) {
            if !started.contains(step.trial) {
                started.append(step.trial)
                try store.markRunning(key: step.trial, pid: 1, at: Date())
            }
            if !step.continues { pruned.insert(step.trial) }
            try store.recordEpoch(
                key: step.trial,
                report: EpochReport(
                    epoch: step.epoch, loss: 1,
                    metrics: StoreFixtures.metrics(apSmall: step.value), seconds: 1))
        }
        for key in started {
            let state: TrialState = pruned.contains(key) ? .pruned : .completed
            try store.finish(key: key, outcome: TrialOutcome(state: state))
        }
        return try SweepHistory.load(from: store, sweep: "s")
    }

    /// Reports every stored epoch to `rule` in the stored order, as the scheduler replays them.
    static func replay<Rule: EarlyStopRule>(_ history: SweepHistory, into rule: inout Rule) {
        for (trial, report) in history.epochs {
            _ = rule.report(trial: trial, epoch: report.epoch, value: report.metrics.apSmall)
        }
    }
}
