/// Placeholder filling of a command trainer's texts: `{name}` is replaced by the value of
/// `name`; `{{` and `}}` stand for literal braces.
public enum CommandTemplate {
    /// A mistake in a template.
    public enum Problem: Error, Sendable, Equatable {
        /// `{name}` with a name that has no value.
        case unknown(name: String)
        /// A `{` without its `}`, or a lone `}`.
        case unbalancedBrace
    }

    /// The names used in `text`, in order.
    public static func names(in text: String) throws(Problem) -> [String] {
        var names: [String] = []
        _ = try fill(text) { name in
            names.append(name)
            return ""
        }
        return names
    }

    /// `text` with every placeholder replaced by `values[name]`.
    public static func fill(_ text: String, _ values: [String: String]) throws(Problem) -> String {
        try fill(text) { name throws(Problem) in
            guard let value = values[name] else { throw .unknown(name: name) }
            return value
        }
    }

    private static func fill(
        _ text: String, _ value: (String) throws(Problem) -> String
    ) throws(Problem) -> String {
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let doubled = next < text.endIndex && text[next] == character
            switch character {
            case "{" where doubled, "}" where doubled:
                output.append(character)
                index = text.index(after: next)
            case "{":
                guard let close = text[next...].firstIndex(of: "}") else {
                    throw .unbalancedBrace
                }
                output += try value(String(text[next..<close]))
                index = text.index(after: close)
            case "}":
                throw .unbalancedBrace
            default:
                output.append(character)
                index = next
            }
        }
        return output
    }
}
