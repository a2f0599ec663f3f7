import Yams

/// Typed reads of Yams nodes that turn every mismatch into a located error of one reader
/// (``LocatedFileError`` with that reader's ``YAMLFileProblem``).
///
/// Scalars are typed by how they are written rather than by Yams' YAML 1.1 resolver, so `1e-4`
/// (which YAML 1.1 reads as text) is a number, and a quoted `"0.1"` stays text.
public struct YAMLNodes<Problem: YAMLFileProblem>: Sendable {
    public typealias Failure = LocatedFileError<Problem>

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The error for `problem` at `node` (its line and column), under `keyPath`.
    public func error(
        _ problem: Problem, at node: Node?, _ keyPath: String, value: String? = nil
    ) -> Failure {
        Failure(
            path: path, line: node?.mark?.line, column: node?.mark?.column, keyPath: keyPath,
            value: value, problem: problem)
    }

    /// The offending value as shown after `got` (one wording for every reader).
    public static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty && scalar.style == .plain { return "nothing" }
            return scalar.style == .plain ? scalar.string : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// ``shown(_:)`` for this reader's messages.
    public func shown(_ node: Node) -> String { Self.shown(node) }

    /// The entries of a mapping, each with its key, nodes and dotted path.
    public func mapping(_ node: Node, _ keyPath: String) throws(Failure) -> [YAMLEntry] {
        guard let mapping = node.mapping else {
            throw error(.notAMapping, at: node, keyPath, value: shown(node))
        }
        var entries: [YAMLEntry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(
                    .wrongType(expected: "a plain key"), at: keyNode, keyPath,
                    value: shown(keyNode))
            }
            let childPath = keyPath.isEmpty ? scalar.string : "\(keyPath).\(scalar.string)"
            entries.append(
                YAMLEntry(key: scalar.string, keyNode: keyNode, value: value, keyPath: childPath))
        }
        return entries
    }

    public func text(_ node: Node, _ keyPath: String) throws(Failure) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.wrongType(expected: "text"), at: node, keyPath, value: shown(node))
        }
        return scalar.string
    }

    /// A finite number within `bound` (any finite number by default).
    public func number(_ node: Node, _ keyPath: String, _ bound: ConfigBound = .finite)
        throws(Failure) -> Double
    {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
            let value = Double(scalar.string.replacingOccurrences(of: "_", with: ""))
        else {
            throw error(.wrongType(expected: "a number"), at: node, keyPath, value: shown(node))
        }
        try check(value, bound, node, keyPath)
        return value
    }

    /// A whole number within `bound` (`1e3` is accepted as 1000); beyond ±9·10¹⁵, where a
    /// `Double` stops holding every whole number, it is ``YAMLFileProblem/notAnInteger``.
    public func integer(_ node: Node, _ keyPath: String, _ bound: ConfigBound = .finite)
        throws(Failure) -> Int
    {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
            let exact = Int(scalar.string.replacingOccurrences(of: "_", with: ""))
        {
            try check(Double(exact), bound, node, keyPath)
            return exact
        }
        let value: Double
        do {
            value = try number(node, keyPath)
        } catch {
            throw self.error(
                .wrongType(expected: "a whole number"), at: node, keyPath, value: shown(node))
        }
        guard value.rounded() == value else {
            throw error(.notAnInteger, at: node, keyPath, value: shown(node))
        }
        try check(value, bound, node, keyPath)
        guard abs(value) < 9.0e15 else {
            throw error(.notAnInteger, at: node, keyPath, value: shown(node))
        }
        return Int(value)
    }

    /// A seed: any whole number from 0 to 2⁶⁴ − 1.
    public func seed(_ node: Node, _ keyPath: String) throws(Failure) -> UInt64 {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
            let value = UInt64(scalar.string.replacingOccurrences(of: "_", with: ""))
        else {
            throw error(
                .wrongType(expected: "a whole number from 0 to \(UInt64.max)"), at: node, keyPath,
                value: shown(node))
        }
        return value
    }

    public func boolean(_ node: Node, _ keyPath: String) throws(Failure) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        throw error(.wrongType(expected: "true or false"), at: node, keyPath, value: shown(node))
    }

    private func check(_ value: Double, _ bound: ConfigBound, _ node: Node, _ keyPath: String)
        throws(Failure)
    {
        if let requirement = bound.violation(value) {
            throw error(
                .outOfRange(requirement: requirement), at: node, keyPath, value: shown(node))
        }
    }
}
