import Sweep

/// Search methods replayed over a stored full grid's learning curves (``SearchCurves``), with
/// ASHA pruning or without: how many trials, and how many trial-epochs, a search needs to train
/// a config within `gap` of the grid's best to its last epoch.
///
/// `jobs` workers; every epoch takes one time unit, and the epochs that end together are
/// reported in the order their trials started. A free worker takes the method's next proposal,
/// made from every trial so far: completed ones by their final value, pruned ones by the epoch
/// they reached and their value there, running ones as running (the constant liar). A run ends
/// when a trial completes within the gap, and costs the epochs trained until then by every
/// trial (the unfinished ones' so far); a run that never gets there counts `budget + 1` trials
/// and every epoch it trained. Seeds and trial indices are as in ``SearchBenchmark``.
public struct SearchEarlyStopBenchmark: Sendable {
    /// One seed's run.
    public struct Run: Sendable, Equatable, Codable {
        /// Trials proposed when the target was reached (`budget + 1` when it never was).
        public let trials: Int
        /// Epochs trained over all trials until then.
        public let trialEpochs: Int
    }

    public let curves: SearchCurves
    public let gap: Double
    public let budget: Int
    public let jobs: Int
    /// ASHA's first rung and η; nil trains every trial to its end.
    public let asha: (minEpochs: Int, reductionFactor: Int)?

    /// `budget` (trials per run) must not exceed the grid's configurations; ASHA needs a rung
    /// below the trials' epochs.
    public init(
        curves: SearchCurves, gap: Double, budget: Int, jobs: Int,
        asha: (minEpochs: Int, reductionFactor: Int)?
    ) throws(SearchBenchmarkError) {
        guard budget <= curves.curves.count else {
            throw .budgetExceedsTable(budget: budget, configs: curves.curves.count)
        }
        self.curves = curves
        self.gap = gap
        self.budget = budget
        self.jobs = jobs
        self.asha = asha
    }

    /// One run per seed `0..<seeds`.
    public func runs(_ method: SearchStrategy, seeds: Int) throws(TPEError) -> [Run] {
        var runs: [Run] = []
        for seed in 0..<seeds {
            runs.append(try run(method, seed: UInt64(seed)))
        }
        return runs
    }

    /// The run of `method` with `seed`.
    public func run(_ method: SearchStrategy, seed: UInt64) throws(TPEError) -> Run {
        let sampler = method.sampler
        let target = curves.best - gap
        let defaults = TrialParameters(lr: 0, weightDecay: 0, batchSize: 0, loss: .mse)
        var rule = asha.map {
            ASHARule(
                minEpochs: $0.minEpochs, reductionFactor: $0.reductionFactor,
                maxEpochs: curves.epochs)
        }
        var history: [TPEObservation] = []
        var running: [(position: Int, curve: LearningCurve?, epochs: Int)] = []
        var spent = 0
        while true {
            while running.count < jobs, history.count < budget {
                let next = try sampler.propose(
                    space: curves.space, defaults: defaults, history: history, seed: seed,
                    trialIndex: history.count)
                history.append(TPEObservation(parameters: next, state: .running))
                running.append((history.count - 1, curves.curves[next], 0))
            }
            guard !running.isEmpty else { break }
            var stillRunning: [(position: Int, curve: LearningCurve?, epochs: Int)] = []
            for var trial in running {
                guard let curve = trial.curve, trial.epochs < curve.values.count else {
                    history[trial.position].state = .failed
                    continue
                }
                trial.epochs += 1
                spent += 1
                let value = curve.value(atEpoch: trial.epochs)
                if case .prune = rule?.report(trial: curve.key, epoch: trial.epochs, value: value) {
                    history[trial.position].state = .pruned(step: trial.epochs, value: value)
                } else if trial.epochs < curve.values.count {
                    stillRunning.append(trial)
                } else if curve.isFullyTrained {
                    history[trial.position].state = .completed(value: curve.finalValue)
                    if curve.finalValue >= target {
                        return Run(trials: trial.position + 1, trialEpochs: spent)
                    }
                } else {
                    history[trial.position].state = .failed
                }
            }
            running = stillRunning
        }
        return Run(trials: budget + 1, trialEpochs: spent)
    }
}
