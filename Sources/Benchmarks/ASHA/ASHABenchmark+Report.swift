import Foundation
import Sweep
import Trainer

extension ASHABenchmark {
    /// The figures `sweep-cli bench asha` prints, one per line.
    public var report: String {
        let trials = replay.trials
        let fullyTrained = trials.filter(\.isFullyTrained).count
        let pruned = trials.filter { $0.pruneReason != nil }
        let prunedByEpoch = Dictionary(grouping: pruned, by: \.epochsRun).mapValues(\.count)
        let byRung = rungs.map { "epoch \($0): \(prunedByEpoch[$0, default: 0])" }
        let ended = trials.count - fullyTrained - pruned.count
        let percent = String(format: "%.1f%%", fraction * 100)
        let maxPercent = String(format: "%.0f%%", Self.maxFraction * 100)
        return [
            "sweep '\(sweep)': \(trials.count) trials of \(epochs) epochs; ASHA "
                + "reduction_factor=\(reductionFactor), min_epochs=\(minEpochs), rungs at "
                + "epochs \(rungs.map(String.init).joined(separator: ", ")); \(workers) worker"
                + (workers == 1 ? "" : "s")
                + (timing == .recorded ? ", recorded epoch times" : ", one time unit per epoch"),
            "full grid best ap_small: \(Self.describe(fullBest))",
            "ASHA best ap_small:      \(ashaBest.map(Self.describe) ?? "none fully trained")",
            "gap: \(gap.map { String(format: "%.4f", $0) } ?? "n/a") (target <= \(Self.maxGap)): "
                + (meetsGapTarget ? "pass" : "FAIL"),
            "trial-epochs: full grid \(fullTrialEpochs), ASHA \(ashaTrialEpochs) = \(percent) "
                + "(target <= \(maxPercent)): \(meetsFractionTarget ? "pass" : "FAIL")",
            "ASHA trials: \(fullyTrained) fully trained, \(pruned.count) pruned "
                + "(\(byRung.joined(separator: ", "))), \(ended) ended early (diverged or failed)",
            "result: \(passes ? "pass" : "FAIL")",
        ].joined(separator: "\n") + "\n"
    }

    private static func describe(_ curve: LearningCurve) -> String {
        String(format: "%.4f", curve.finalValue)
            + " (trial \(curve.index): \(curve.parameters.canonicalDescription))"
    }
}
