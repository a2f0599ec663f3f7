import Foundation
import Trainer
import Yams

/// Typed reads of Yams nodes that turn every mismatch into a located ``SweepFileError``.
///
/// Scalars are typed by how they are written rather than by Yams' YAML 1.1 resolver, so `1e-4`
/// (which YAML 1.1 reads as text) is a number, and a quoted `"0.1"` stays text.
struct SweepFileNodes {
    let path: String

    func error(
        _ problem: SweepFileError.Problem, at node: Node?, _ keyPath: String,
        value: String? = nil
    ) -> SweepFileError {
        SweepFileError(
            path: path, line: node?.mark?.line, column: node?.mark?.column, keyPath: keyPath,
            value: value, problem: problem)
    }

    /// The offending value as shown after `got`, worded as every config reader words it.
    func shown(_ node: Node) -> String { ConfigNodes.shown(node) }

    func mapping(_ node: Node, _ keyPath: String) throws(SweepFileError) -> [SweepFileEntry] {
        guard let mapping = node.mapping else {
            throw error(.notAMapping, at: node, keyPath, value: shown(node))
        }
        var entries: [SweepFileEntry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(
                    .wrongType(expected: "a plain key"), at: keyNode, keyPath,
                    value: shown(keyNode))
            }
            let childPath = keyPath.isEmpty ? scalar.string : "\(keyPath).\(scalar.string)"
            entries.append(
                SweepFileEntry(
                    key: scalar.string, keyNode: keyNode, value: value, keyPath: childPath))
        }
        return entries
    }

    /// Throws for the first key not in `allowed`, suggesting the closest allowed key.
    func requireKnownKeys(
        _ entries: [SweepFileEntry], allowed: [String],
        _ problem: (String?) -> SweepFileError.Problem
    ) throws(SweepFileError) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = KeySuggestion.closest(to: entry.key, among: allowed)
            throw error(problem(suggestion), at: entry.keyNode, entry.keyPath)
        }
    }

    func list(_ node: Node, _ keyPath: String) throws(SweepFileError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(.notAList, at: node, keyPath, value: shown(node))
        }
        return Array(sequence)
    }

    func text(_ node: Node, _ keyPath: String) throws(SweepFileError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.wrongType(expected: "text"), at: node, keyPath, value: shown(node))
        }
        return scalar.string
    }

    func number(_ node: Node, _ keyPath: String) throws(SweepFileError) -> Double {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
            let value = Double(scalar.string.replacingOccurrences(of: "_", with: ""))
        else {
            throw error(.wrongType(expected: "a number"), at: node, keyPath, value: shown(node))
        }
        guard value.isFinite else {
            throw error(
                .outOfRange(requirement: "must be finite"), at: node, keyPath,
                value: shown(node))
        }
        return value
    }

    func integer(_ node: Node, _ keyPath: String) throws(SweepFileError) -> Int {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
            let exact = Int(scalar.string.replacingOccurrences(of: "_", with: ""))
        {
            return exact
        }
        let value: Double
        do {
            value = try number(node, keyPath)
        } catch {
            throw self.error(
                .wrongType(expected: "a whole number"), at: node, keyPath,
                value: shown(node))
        }
        guard value.rounded() == value, abs(value) < 9.0e15 else {
            throw error(.notAnInteger, at: node, keyPath, value: shown(node))
        }
        return Int(value)
    }
}
