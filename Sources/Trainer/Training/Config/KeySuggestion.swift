/// "Did you mean …?" for misspelt keys: the known key at the smallest edit distance.
public enum KeySuggestion {
    /// The closest candidate, or `nil` when none is within a third of the key's length (at least 2
    /// edits) — far-off keys get no misleading suggestion.
    public static func closest(to key: String, among candidates: [String]) -> String? {
        let limit = max(2, key.count / 3)
        let scored = candidates.map { ($0, distance(key.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
