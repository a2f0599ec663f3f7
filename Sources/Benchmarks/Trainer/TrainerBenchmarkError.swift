/// Why a trainer benchmark run has no timings to report.
public enum TrainerBenchmarkError: Error, Equatable, CustomStringConvertible {
    /// The loss of the fixed batch became NaN or infinite at step `step` (0-based, warm-up
    /// included): fewer `--steps` or a smaller learning rate keep the workload meaningful.
    case diverged(network: TrainerBenchmark.Network, batchSize: Int, step: Int, loss: Double)

    public var description: String {
        switch self {
        case .diverged(let network, let batchSize, let step, let loss):
            "bench trainer: \(network.rawValue) at batch \(batchSize) reached loss \(loss) at "
                + "step \(step + 1); its timings would measure NaN arithmetic, not training"
        }
    }
}
