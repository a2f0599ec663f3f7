/// The kinds of mistake every YAML reader of the project reports; each reader's problem enum
/// (training configs, sweep files) has these cases among its own.
public protocol YAMLFileProblem: Sendable, Equatable {
    /// The human-readable sentence for this problem.
    var message: String { get }
    /// A mapping (`key: value` block) was expected.
    static var notAMapping: Self { get }
    /// A scalar of another type was expected (`expected` names it).
    static func wrongType(expected: String) -> Self
    /// A number with a fraction, or too large to be a whole number, where one was expected.
    static var notAnInteger: Self { get }
    /// A number outside its bound; `requirement` reads like `must be > 0`.
    static func outOfRange(requirement: String) -> Self
}

/// A mistake in a YAML file, located by file, line, column and key path, with the offending
/// value as written. ``description`` reads like a compiler diagnostic:
/// `sweeps/x.yaml:7: parameters.lr.min: must be > 0 (got -0.1)`.
public struct LocatedFileError<Problem: YAMLFileProblem>: Error, Sendable, Equatable,
    CustomStringConvertible
{
    /// The file's path as given by the caller.
    public var path: String
    /// 1-based line of the offending key or value; `nil` when the whole file is at fault.
    public var line: Int?
    /// 1-based column of the offending key or value.
    public var column: Int?
    /// Dotted path of the offending key, e.g. `parameters.lr.min`; empty for the document itself.
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
