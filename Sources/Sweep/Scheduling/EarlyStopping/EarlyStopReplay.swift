/// Recorded learning curves run through an early-stopping rule the way an asynchronous
/// scheduler with `workers` workers would run the trials live.
///
/// Trials start in plan order as workers free up. Every epoch takes one time unit on its worker
/// (``Timing/unitEpochs``) or the seconds it took when it was recorded (``Timing/recorded``);
/// the epochs that finish at the same time are reported in the order their trials started.
/// With unit epochs every rung receives its values in plan order, whatever the worker count.
/// A trial ends when the rule prunes it or when its recorded curve ends (all planned epochs, or
/// where the trial diverged or failed); its worker then takes the next trial. Trials are seeded
/// and deterministic, so the rule sees the values a live run with that arrival order would see.
public struct EarlyStopReplay: Sendable, Equatable {
    /// How long an epoch occupies its worker.
    public enum Timing: String, Sendable, CaseIterable {
        /// One time unit per epoch.
        case unitEpochs = "unit"
        /// The epoch's recorded seconds (``LearningCurve/seconds``; one unit where unknown).
        case recorded
    }

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
        curves: [LearningCurve], workers: Int, timing: Timing = .unitEpochs, rule: inout Rule
    ) -> EarlyStopReplay {
        precondition(workers >= 1, "EarlyStopReplay: workers must be at least 1, got \(workers)")
        var trials = curves.map { Trial(curve: $0, epochsRun: 0, pruneReason: nil) }
        func duration(_ position: Int, epoch: Int) -> Double {
            let seconds = trials[position].curve.seconds
            return timing == .recorded && epoch <= seconds.count ? seconds[epoch - 1] : 1
        }
        var next = 0
        var clock = 0.0
        var running: [(position: Int, finish: Double)] = []
        while true {
            while running.count < workers, next < trials.count {
                if !trials[next].curve.values.isEmpty {
                    running.append((next, clock + duration(next, epoch: 1)))
                }
                next += 1
            }
            guard let now = running.map(\.finish).min() else { break }
            clock = now
            var stillRunning: [(position: Int, finish: Double)] = []
            for (position, finish) in running {
                guard finish == now else {
                    stillRunning.append((position, finish))
                    continue
                }
                trials[position].epochsRun += 1
                let epoch = trials[position].epochsRun
                let curve = trials[position].curve
                let decision = rule.report(
                    trial: curve.key, epoch: epoch, value: curve.values[epoch - 1])
                if case .prune(let reason) = decision {
                    trials[position].pruneReason = reason
                } else if epoch < curve.values.count {
                    stillRunning.append((position, now + duration(position, epoch: epoch + 1)))
                }
            }
            running = stillRunning
        }
        return EarlyStopReplay(trials: trials)
    }
}
