import Foundation

/// Typed access to the values of a parsed JSON object, throwing `COCOJSONError`s that name the
/// file, the entry path and the key.
struct COCOJSONFields {
    let file: String

    func dictionary(_ value: Any, path: String) throws(COCOJSONError) -> [String: Any] {
        guard let dictionary = value as? [String: Any] else {
            throw wrongType(path, "an object", value)
        }
        return dictionary
    }

    func array(_ entry: [String: Any], _ key: String, path: String) throws(COCOJSONError) -> [Any] {
        guard let value = entry[key] else { throw missing(path, key) }
        guard let array = value as? [Any] else { throw wrongType("\(path).\(key)", "an array", value) }
        return array
    }

    func number(_ entry: [String: Any], _ key: String, path: String) throws(COCOJSONError) -> Double {
        guard let value = entry[key] else { throw missing(path, key) }
        return try number(value, path: "\(path).\(key)")
    }

    func optionalNumber(
        _ entry: [String: Any], _ key: String, path: String
    ) throws(COCOJSONError) -> Double? {
        guard let value = entry[key], !(value is NSNull) else { return nil }
        return try number(value, path: "\(path).\(key)")
    }

    func integer(_ entry: [String: Any], _ key: String, path: String) throws(COCOJSONError) -> Int {
        let value = try number(entry, key, path: path)
        guard value == value.rounded(), abs(value) < 9_007_199_254_740_992 else {
            throw COCOJSONError(
                file: file,
                reason: .wrongType(path: "\(path).\(key)", expected: "an integer", found: "\(value)"))
        }
        return Int(value)
    }

    /// `bbox` as `[x, y, w, h]`: exactly four finite numbers.
    func box(_ entry: [String: Any], path: String) throws(COCOJSONError) -> COCOBox {
        guard let value = entry["bbox"] else { throw missing(path, "bbox") }
        guard let list = value as? [Any], list.count == 4 else {
            throw wrongType("\(path).bbox", "[x, y, w, h] (4 numbers)", value)
        }
        var numbers: [Double] = []
        for (index, element) in list.enumerated() {
            let number = try number(element, path: "\(path).bbox[\(index)]")
            guard number.isFinite else {
                throw COCOJSONError(file: file, reason: .nonFinite(path: path, key: "bbox"))
            }
            numbers.append(number)
        }
        return COCOBox(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
    }

    /// The `id`s of a section's entries, checked for duplicates, in file order.
    func uniqueIDs(_ entries: [Any], section: String) throws(COCOJSONError) -> [Int] {
        var firstIndex: [Int: Int] = [:]
        var ids: [Int] = []
        for (index, element) in entries.enumerated() {
            let path = "\(section)[\(index)]"
            let id = try integer(try dictionary(element, path: path), "id", path: path)
            if let first = firstIndex.updateValue(index, forKey: id) {
                throw COCOJSONError(
                    file: file,
                    reason: .duplicateID(section: section, id: id, firstIndex: first, secondIndex: index))
            }
            ids.append(id)
        }
        return ids
    }

    private func number(_ value: Any, path: String) throws(COCOJSONError) -> Double {
        guard let number = value as? NSNumber else {
            throw wrongType(path, "a number", value)
        }
        return number.doubleValue
    }

    private func missing(_ path: String, _ key: String) -> COCOJSONError {
        COCOJSONError(file: file, reason: .missingKey(path: path, key: key))
    }

    private func wrongType(_ path: String, _ expected: String, _ value: Any) -> COCOJSONError {
        COCOJSONError(
            file: file, reason: .wrongType(path: path, expected: expected, found: Self.describe(value)))
    }

    /// A short rendering of a JSON value for error messages.
    static func describe(_ value: Any) -> String {
        let text: String
        switch value {
        case is NSNull: text = "null"
        case let string as String: text = "\"\(string)\""
        case let array as [Any]: text = "an array of \(array.count)"
        case is [String: Any]: text = "an object"
        default: text = "\(value)"
        }
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
