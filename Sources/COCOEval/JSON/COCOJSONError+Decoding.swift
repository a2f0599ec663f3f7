extension COCOJSONError {
    /// Translates a `JSONDecoder` failure into the entry path and key it concerns; `root` names a
    /// top-level array (`detections`).
    init(file: String, decoding error: DecodingError, root: String = "") {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(
                file: file,
                reason: .wrongType(
                    path: Self.path(context.codingPath, root: root), expected: Self.expected(type),
                    found: context.debugDescription))
        case .valueNotFound(let type, let context):
            self.init(
                file: file,
                reason: .wrongType(
                    path: Self.path(context.codingPath, root: root), expected: Self.expected(type),
                    found: "null"))
        case .keyNotFound(let key, let context):
            self.init(
                file: file,
                reason: .missingKey(
                    path: Self.path(context.codingPath, root: root), key: key.stringValue))
        case .dataCorrupted(let context):
            self.init(
                file: file,
                reason: .malformedJSON(
                    context.codingPath.isEmpty
                        ? context.debugDescription
                        : "\(Self.path(context.codingPath, root: root)): \(context.debugDescription)"
                ))
        @unknown default:
            self.init(file: file, reason: .malformedJSON(String(describing: error)))
        }
    }

    /// `annotations[3].bbox` from a coding path.
    private static func path(_ codingPath: [any CodingKey], root: String) -> String {
        var text = root
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "top level" : text
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is [Double].Type: "an array of numbers"
        case is String.Type: "a string"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}
