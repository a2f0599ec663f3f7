import Sweep
import Trainer

/// `sweep-cli bench asha`: how close ASHA gets to a full grid's best trial, and how many
/// trial-epochs it spends, by replaying the grid's recorded learning curves through an
/// ``ASHARule`` (see ``EarlyStopReplay``).
///
/// The grid must have run without early stopping, to the end. Best means the highest final
/// `ap_small` (the last epoch's), lowest plan index on ties; ASHA's best is taken among the trials
/// it trained to the end. The targets (gap ≤ ``maxGap``, fraction ≤ ``maxFraction``) are the
/// issue's.
public struct ASHABenchmark: Sendable, Equatable {
    /// The largest acceptable `ap_small` gap between the full grid's best and ASHA's best.
    public static let maxGap = 0.01
    /// The largest acceptable share of the full grid's trial-epochs.
    public static let maxFraction = 0.40

    public var sweep: String
    public var workers: Int
    public var timing: EarlyStopReplay.Timing
    public var minEpochs: Int
    public var reductionFactor: Int
    /// The trials' planned epochs (ASHA's `max_t`).
    public var epochs: Int
    /// ASHA's rung epochs.
    public var rungs: [Int]
    /// The full grid's best trial.
    public var fullBest: LearningCurve
    /// ASHA's best fully trained trial; nil when it trained none to the end.
    public var ashaBest: LearningCurve?
    /// Epochs the full grid trained, over all its trials.
    public var fullTrialEpochs: Int
    public var replay: EarlyStopReplay

    /// Replays `curves` (the grid's trials in plan order) with `workers` workers.
    public static func run(
        sweep: String, curves: [LearningCurve], workers: Int,
        timing: EarlyStopReplay.Timing = .unitEpochs, minEpochs: Int, reductionFactor: Int
    ) throws(ASHABenchmarkError) -> ASHABenchmark {
        guard !curves.isEmpty else { throw .noTrials(sweep: sweep) }
        let unfinished = curves.filter { !$0.state.isFinal }.count
        guard unfinished == 0 else { throw .unfinished(sweep: sweep, count: unfinished) }
        let pruned = curves.filter { $0.state == .pruned }.count
        guard pruned == 0 else { throw .earlyStopped(sweep: sweep, pruned: pruned) }
        guard let fullBest = best(curves.filter(\.isFullyTrained)) else {
            throw .noCompletedTrial(sweep: sweep)
        }
        let epochs = curves.map(\.plannedEpochs).max() ?? 0
        guard minEpochs < epochs else { throw .noRung(minEpochs: minEpochs, epochs: epochs) }
        var rule = ASHARule(
            minEpochs: minEpochs, reductionFactor: reductionFactor, maxEpochs: epochs)
        let replay = EarlyStopReplay.run(
            curves: curves, workers: workers, timing: timing, rule: &rule)
        return ASHABenchmark(
            sweep: sweep, workers: workers, timing: timing, minEpochs: minEpochs,
            reductionFactor: reductionFactor, epochs: epochs, rungs: rule.rungs,
            fullBest: fullBest,
            ashaBest: best(replay.trials.filter(\.isFullyTrained).map(\.curve)),
            fullTrialEpochs: curves.reduce(0) { $0 + $1.values.count }, replay: replay)
    }

    /// Epochs ASHA trained, over all trials.
    public var ashaTrialEpochs: Int { replay.trialEpochs }

    /// The full grid's best final `ap_small` minus ASHA's; nil when ASHA trained no trial to the
    /// end.
    public var gap: Double? { ashaBest.map { fullBest.finalValue - $0.finalValue } }

    /// ASHA's trial-epochs as a share of the full grid's.
    public var fraction: Double { Double(ashaTrialEpochs) / Double(max(fullTrialEpochs, 1)) }

    public var meetsGapTarget: Bool { gap.map { $0 <= Self.maxGap } ?? false }
    public var meetsFractionTarget: Bool { fraction <= Self.maxFraction }
    public var passes: Bool { meetsGapTarget && meetsFractionTarget }

    private static func best(_ curves: [LearningCurve]) -> LearningCurve? {
        curves.min { lhs, rhs in
            lhs.finalValue != rhs.finalValue
                ? lhs.finalValue > rhs.finalValue : lhs.index < rhs.index
        }
    }
}
