/// A mistake in a training config (a `train --config` file or a sweep file's `trainer:` block),
/// located by file, line, column and key path:
/// `best.yaml:3: weight_decy: unknown training config key; did you mean 'weight_decay'?`.
public typealias TrainingConfigFileError = LocatedFileError<TrainingConfigProblem>

/// What is wrong in a training config; one case per kind of mistake.
public enum TrainingConfigProblem: YAMLFileProblem {
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
