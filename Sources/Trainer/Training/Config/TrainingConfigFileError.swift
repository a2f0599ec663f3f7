/// A mistake in a training config (a `train --config` file or a sweep file's `trainer:` block),
/// located by file, line, column and key path:
/// `best.yaml:3: weight_decy: unknown training config key; did you mean 'weight_decay'?`.
public struct TrainingConfigFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path as given by the caller.
    public var path: String
    /// 1-based line of the offending key or value; `nil` when the whole file is at fault.
    public var line: Int?
    /// 1-based column of the offending key or value.
    public var column: Int?
    /// Dotted path of the offending key, e.g. `data.synthetic.image_size`.
    public var keyPath: String
    /// The offending value as written in the file, when there is one.
    public var value: String?
    public var problem: Problem

    public init(
        path: String, line: Int?, column: Int?, keyPath: String, value: String?, problem: Problem
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.value = value
        self.problem = problem
    }

    /// `path:line: key.path: message (got value)`.
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        text += problem.message
        if let value { text += " (got \(value))" }
        return text
    }
}

extension TrainingConfigFileError {
    /// What is wrong; one case per kind of mistake.
    public enum Problem: Sendable, Equatable {
        case fileNotFound
        case unreadable(reason: String)
        /// The YAML itself does not parse (Yams' message).
        case malformedYAML(reason: String)
        case emptyDocument
        case notAMapping
        /// A scalar of another type was expected (`expected` names it).
        case wrongType(expected: String)
        case duplicateKey
        /// An unknown key, with the closest known key when one is near.
        case unknownKey(suggestion: String?)
        /// A key a sweep file's `trainer:` block does not take, with where it goes instead.
        case notInSweepTrainer(useInstead: String)
        case unknownLoss
        case unknownAttention
        /// A number outside its ``ConfigBound``; `requirement` reads like `must be > 0`.
        case outOfRange(requirement: String)
        case notAnInteger
        case bothDataSources
        case noDataSource
        case skipCorruptWithoutYOLO
        /// The YOLO `data.yaml` named by `data.yolo` does not exist.
        case dataFileNotFound(resolved: String)

        /// The human-readable sentence for this problem.
        public var message: String {
            switch self {
            case .fileNotFound: "no such file"
            case .unreadable(let reason): "cannot read the file: \(reason)"
            case .malformedYAML(let reason): "malformed YAML: \(reason)"
            case .emptyDocument: "the file holds no YAML document"
            case .notAMapping: "must be a mapping of keys to values"
            case .wrongType(let expected): "must be \(expected)"
            case .duplicateKey: "key given twice"
            case .unknownKey(let suggestion):
                suggestion.map { "unknown training config key; did you mean '\($0)'?" }
                    ?? "unknown training config key"
            case .notInSweepTrainer(let useInstead):
                "not allowed under trainer; use \(useInstead)"
            case .unknownLoss: "unknown loss (use mse, ce or focal)"
            case .unknownAttention: "unknown attention (use none, se or cbam)"
            case .outOfRange(let requirement): requirement
            case .notAnInteger: "must be a whole number"
            case .bothDataSources: "give either synthetic or yolo, not both"
            case .noDataSource: "give synthetic or yolo"
            case .skipCorruptWithoutYOLO: "skip_corrupt only applies to a yolo dataset"
            case .dataFileNotFound(let resolved): "no such dataset file: \(resolved)"
            }
        }
    }
}
