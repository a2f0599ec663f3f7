import Trainer
import Yams

/// Typed reads of Yams nodes that turn every mismatch into a located ``SweepFileError``.
typealias SweepFileNodes = YAMLNodes<SweepFileProblem>

extension YAMLNodes where Problem == SweepFileProblem {
    /// Throws for the first key not in `allowed`, suggesting the closest allowed key.
    func requireKnownKeys(
        _ entries: [YAMLEntry], allowed: [String], _ problem: (String?) -> SweepFileProblem
    ) throws(SweepFileError) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = KeySuggestion.closest(to: entry.key, among: allowed)
            throw error(problem(suggestion), at: entry.keyNode, entry.keyPath)
        }
    }

    /// The mapping `node`'s entries by key, once every key is checked to be in `allowed`
    /// (``requireKnownKeys(_:allowed:_:)``); Yams refuses a key given twice before this.
    func keyedMapping(
        _ node: Node, _ keyPath: String, allowed: [String],
        _ problem: (String?) -> SweepFileProblem
    ) throws(SweepFileError) -> [String: SweepFileEntry] {
        let entries = try mapping(node, keyPath)
        try requireKnownKeys(entries, allowed: allowed, problem)
        return Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func list(_ node: Node, _ keyPath: String) throws(SweepFileError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(.notAList, at: node, keyPath, value: shown(node))
        }
        return Array(sequence)
    }

    /// An integer that must be at least `minimum`.
    func atLeast(_ minimum: Int, _ entry: SweepFileEntry) throws(SweepFileError) -> Int {
        let value = try integer(entry.value, entry.keyPath)
        guard value >= minimum else {
            throw error(
                .outOfRange(requirement: "must be >= \(minimum)"), at: entry.value,
                entry.keyPath, value: shown(entry.value))
        }
        return value
    }
}
