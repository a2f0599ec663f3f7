/// Why a ``SearchBenchmark`` cannot run as asked.
public enum SearchBenchmarkError: Error, Equatable, CustomStringConvertible {
    /// More trials per run than the table has configurations (searches never repeat one).
    case budgetExceedsTable(budget: Int, configs: Int)

    public var description: String {
        switch self {
        case .budgetExceedsTable(let budget, let configs):
            "--budget \(budget) exceeds the table's \(configs) configs; "
                + "searches never repeat a config, so expected at most \(configs)"
        }
    }
}
