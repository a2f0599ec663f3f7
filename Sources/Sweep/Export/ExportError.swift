import Foundation

/// Why an export could not be written.
public enum ExportError: Error, Sendable, Equatable {
    /// The sweep has no completed or pruned trial with metrics yet.
    case noRankedTrials(sweep: String)
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)
    /// The output (given with `option`) is the sweep database or one of its files (`file`).
    case overwritesDatabase(path: String, option: String, file: String)
    /// Two outputs of one export name the same file.
    case sameOutput(path: String, option: String, otherOption: String)
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
        case .overwritesDatabase(let path, let option, let file):
            "\(option) \(path): this is the sweep database file \(file); nothing was written. "
                + "Give another file name"
        case .sameOutput(let path, let option, let otherOption):
            "\(option) \(path): the same file as \(otherOption); nothing was written. "
                + "Give each output its own file"
        case .encoding(let reason):
            "cannot encode the best config as YAML: \(reason)"
        }
    }

    public var errorDescription: String? { description }

    /// Why writing failed, without the path, for a caller whose own error names the file.
    public var reason: String {
        if case .cannotWrite(_, let reason) = self { return reason }
        return description
    }
}
