import Foundation
import Sweep

/// Replays search methods over a ``SearchTable``: each trial looks its objective up (a config
/// without a row is a failed trial), and a run counts the trials until one lands within `gap` of
/// the table's best.
///
/// With `jobs` K, K proposals are outstanding before their results arrive: each new proposal
/// sees the outstanding ones as running (the constant liar case), and results arrive in
/// proposal order, so trial `n` is the `n`-th proposal. Seeds are `0..<seeds`; the run for seed
/// `s` proposes trial `i` with ``TPESampler`` seed `s` and trial index `i`.
public struct SearchBenchmark: Sendable {
    public let table: SearchTable
    public let gap: Double
    public let budget: Int
    public let jobs: Int

    /// `budget` (trials per run) must not exceed the table's configurations.
    public init(
        table: SearchTable, gap: Double, budget: Int, jobs: Int
    ) throws(SearchBenchmarkError) {
        guard budget <= table.configs else {
            throw .budgetExceedsTable(budget: budget, configs: table.configs)
        }
        self.table = table
        self.gap = gap
        self.budget = budget
        self.jobs = jobs
    }

    /// Statistics of `method` over `seeds` runs.
    public func statistics(
        _ method: SearchStrategy, seeds: Int
    ) throws(TPEError) -> SearchStatistics {
        var runs: [Int] = []
        for seed in 0..<seeds {
            runs.append(try trialsNeeded(method, seed: UInt64(seed)))
        }
        return SearchStatistics(runs: runs)
    }

    /// Trials one run needed to reach the gap; `budget + 1` when it never did.
    public func trialsNeeded(_ method: SearchStrategy, seed: UInt64) throws(TPEError) -> Int {
        let sampler = method.sampler
        let target = table.best - gap
        let defaults = TrialParameters(lr: 0, weightDecay: 0, batchSize: 0, loss: .mse)
        var history: [TPEObservation] = []
        var outstanding: [Int] = []
        var proposed = 0
        var finished = 0
        while finished < budget {
            while proposed < budget, outstanding.count < jobs {
                let next = try sampler.propose(
                    space: table.space, defaults: defaults, history: history, seed: seed,
                    trialIndex: proposed)
                history.append(TPEObservation(parameters: next, state: .running))
                outstanding.append(history.count - 1)
                proposed += 1
            }
            let index = outstanding.removeFirst()
            finished += 1
            guard let value = table.objectives[history[index].parameters] else {
                history[index].state = .failed
                continue
            }
            history[index].state = .completed(value: value)
            if value >= target { return finished }
        }
        return budget + 1
    }
}
