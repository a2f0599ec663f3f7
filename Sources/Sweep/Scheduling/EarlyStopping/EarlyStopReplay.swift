/// Recorded learning curves run through an early-stopping rule the way an asynchronous
/// scheduler with `workers` workers would run the trials live.
///
/// Trials start in plan order as workers free up. Every epoch takes one time unit on its worker;
/// the epochs that finish in the same time unit are reported in the order their trials started.
/// A trial ends when the rule prunes it or when its recorded curve ends (all planned epochs, or
/// where the trial diverged or failed); its worker then takes the next trial. Trials are seeded
/// and deterministic, so the rule sees the values a live run with that arrival order would see.
public struct EarlyStopReplay: Sendable, Equatable {
    /// What happened to one trial in the replay.
    public struct Trial: Sendable, Equatable {
        public var curve: LearningCurve
        /// The epochs the trial trained before it ended.
        public var epochsRun: Int
        /// The rule's reason, when it pruned the trial.
        public var pruneReason: String?

        /// Trained all its planned epochs without being pruned.
        public var isFullyTrained: Bool {
            pruneReason == nil && curve.isFullyTrained && epochsRun == curve.plannedEpochs
        }
    }

    /// Every trial, in plan order.
    public var trials: [Trial]

    /// Epochs trained over all trials.
    public var trialEpochs: Int { trials.reduce(0) { $0 + $1.epochsRun } }

    /// Replays `curves` (in plan order) through `rule`, which receives every reported epoch.
    public static func run<Rule: EarlyStopRule>(
        curves: [LearningCurve], workers: Int, rule: inout Rule
    ) -> EarlyStopReplay {
        precondition(workers >= 1, "EarlyStopReplay: workers must be at least 1, got \(workers)")
        var trials = curves.map { Trial(curve: $0, epochsRun: 0, pruneReason: nil) }
        var next = 0
        var running: [Int] = []
        while true {
            while running.count < workers, next < trials.count {
                if !trials[next].curve.values.isEmpty { running.append(next) }
                next += 1
            }
            guard !running.isEmpty else { break }
            var stillRunning: [Int] = []
            for position in running {
                trials[position].epochsRun += 1
                let epoch = trials[position].epochsRun
                let curve = trials[position].curve
                let decision = rule.report(
                    trial: curve.key, epoch: epoch, value: curve.values[epoch - 1])
                if case .prune(let reason) = decision {
                    trials[position].pruneReason = reason
                } else if epoch < curve.values.count {
                    stillRunning.append(position)
                }
            }
            running = stillRunning
        }
        return EarlyStopReplay(trials: trials)
    }
}
