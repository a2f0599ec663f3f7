import Sweep
import Trainer

/// Why a stored sweep cannot serve as the full grid of ``ASHABenchmark``.
public enum ASHABenchmarkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sweep has no trials.
    case noTrials(sweep: String)
    /// Some trials have not finished (queued, running or interrupted).
    case unfinished(sweep: String, count: Int)
    /// The sweep itself ran with early stopping, so its curves are cut short.
    case earlyStopped(sweep: String, pruned: Int)
    /// No trial completed all its epochs.
    case noCompletedTrial(sweep: String)
    /// `--min-epochs` is not below the trials' epochs, so ASHA has no rung.
    case noRung(minEpochs: Int, epochs: Int)

    public var description: String {
        switch self {
        case .noTrials(let sweep):
            "sweep '\(sweep)' has no trials"
        case .unfinished(let sweep, let count):
            "sweep '\(sweep)' has \(count) unfinished trials; run it to the end first "
                + "(`sweep-cli run`)"
        case .earlyStopped(let sweep, let pruned):
            "sweep '\(sweep)' ran with early stopping (\(pruned) pruned trials); the benchmark "
                + "needs a full grid run without `early_stop:`"
        case .noCompletedTrial(let sweep):
            "sweep '\(sweep)' has no trial that completed all its epochs"
        case .noRung(let minEpochs, let epochs):
            "--min-epochs \(minEpochs) leaves ASHA no rung below the trials' \(epochs) epochs"
        }
    }
}
