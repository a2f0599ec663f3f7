/// A mistake in a sweep file, located by file, line, column and key path.
///
/// Every mistake the parser recognises is one ``Problem`` case; the shared payload says where it is
/// and what the offending value was. ``description`` reads like a compiler diagnostic:
/// `sweeps/x.yaml:7: parameters.lr.min: must be > 0 (got -0.1)`.
public struct SweepFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sweep file's path as given by the caller.
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
