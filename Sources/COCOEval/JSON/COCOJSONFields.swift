/// Checks on decoded COCO JSON fields, throwing `COCOJSONError`s that name the file, the entry
/// path and the key.
struct COCOJSONFields {
    let file: String

    func missing(_ path: String, _ key: String) -> COCOJSONError {
        COCOJSONError(file: file, reason: .missingKey(path: path, key: key))
    }

    /// A required integral id field.
    func integer(_ value: Double?, _ key: String, path: String) throws(COCOJSONError) -> Int {
        guard let value else { throw missing(path, key) }
        guard value == value.rounded(), abs(value) < 9_007_199_254_740_992 else {
            throw COCOJSONError(
                file: file,
                reason: .wrongType(
                    path: "\(path).\(key)", expected: "an integer", found: "\(value)"))
        }
        return Int(value)
    }

    /// `bbox` as `[x, y, w, h]`: exactly four finite numbers.
    func box(_ value: [Double]?, path: String) throws(COCOJSONError) -> COCOBox {
        guard let value else { throw missing(path, "bbox") }
        guard value.count == 4 else {
            throw COCOJSONError(
                file: file,
                reason: .wrongType(
                    path: "\(path).bbox", expected: "[x, y, w, h] (4 numbers)",
                    found: "\(value.count) numbers"))
        }
        guard value.allSatisfy(\.isFinite) else {
            throw COCOJSONError(file: file, reason: .nonFinite(path: path, key: "bbox"))
        }
        return COCOBox(x: value[0], y: value[1], width: value[2], height: value[3])
    }

    /// The `id`s of a section's entries (images or categories), checked for presence and
    /// duplicates, in file order.
    func uniqueIDs(_ values: [Double?], section: String) throws(COCOJSONError) -> [Int] {
        var firstIndex: [Int: Int] = [:]
        var ids: [Int] = []
        ids.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            let id = try integer(value, "id", path: "\(section)[\(index)]")
            if let first = firstIndex.updateValue(index, forKey: id) {
                throw COCOJSONError(
                    file: file,
                    reason: .duplicateID(
                        section: section, id: id, firstIndex: first, secondIndex: index))
            }
            ids.append(id)
        }
        return ids
    }
}
