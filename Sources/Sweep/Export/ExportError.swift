import Foundation

/// Why an export could not be written.
public enum ExportError: Error, Sendable, Equatable {
    /// The sweep has no completed or pruned trial with metrics yet.
    case noRankedTrials(sweep: String)
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)
    /// The best config could not be encoded as YAML.
    case encoding(reason: String)
}

extension ExportError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .noRankedTrials(let sweep):
            "sweep '\(sweep)' has no completed or pruned trial with metrics yet; nothing to export"
        case .cannotWrite(let path, let reason):
            "\(path): cannot write: \(reason)"
        case .encoding(let reason):
            "cannot encode the best config as YAML: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
