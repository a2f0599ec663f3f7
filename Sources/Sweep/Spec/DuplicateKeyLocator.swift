/// Finds where a duplicated key appears the second time, and its dotted path, from the text.
///
/// Yams reports only the first occurrence of a duplicated key; for block-style YAML the second one
/// is the next line with the same key at the same indentation, and the parents are the nearest
/// lines above with less indentation. Flow-style mappings keep Yams' position and the bare key.
enum DuplicateKeyLocator {
    static func locate(key: String, firstLine: Int, text: String) -> (line: Int, keyPath: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard firstLine >= 1, firstLine <= lines.count,
            let indent = keyIndent(lines[firstLine - 1], key: key)
        else { return (firstLine, key) }
        var second = firstLine
        for number in (firstLine + 1)..<(lines.count + 1) {
            if keyIndent(lines[number - 1], key: key) == indent {
                second = number
                break
            }
        }
        var path = [key]
        var limit = indent
        for line in lines[..<(firstLine - 1)].reversed() {
            let trimmed = line.drop { $0 == " " }
            let depth = line.count - trimmed.count
            guard depth < limit, !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-"),
                let colon = trimmed.firstIndex(of: ":")
            else { continue }
            path.insert(String(trimmed[..<colon]), at: 0)
            limit = depth
            if depth == 0 { break }
        }
        return (second, path.joined(separator: "."))
    }

    /// The indentation of `line` when it starts a block mapping entry for `key`.
    private static func keyIndent(_ line: String, key: String) -> Int? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("\(key):") else { return nil }
        return line.count - trimmed.count
    }
}
