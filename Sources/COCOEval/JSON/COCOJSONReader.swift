import Foundation

/// Reads COCO JSON: a ground-truth file (`images`, `annotations`, `categories`) and a results
/// list (`[{image_id, category_id, bbox, score}]`). Numbers are parsed as correctly rounded Doubles
/// (ids must be integral). Errors name the file, the entry and the key (`COCOJSONError`).
public enum COCOJSONReader {
    /// Reads a ground-truth file. Annotations keep their file order; `iscrowd` defaults to 0 and
    /// `area` is required (it is never recomputed from the box). Ids must be unique (annotation ids
    /// also non-zero) and boxes must not have a negative size.
    public static func readGroundTruth(at url: URL) throws(COCOJSONError) -> COCOGroundTruth {
        let records = try decode(COCOJSONRecords.GroundTruth.self, from: read(url), file: url.path)
        return try groundTruth(from: records, file: url.path)
    }

    /// Reads a results list, checking every image and category id against `groundTruth`.
    public static func readDetections(
        at url: URL, groundTruth: COCOGroundTruth
    ) throws(COCOJSONError) -> [COCODetection] {
        let records = try decode(
            [COCOJSONRecords.Detection].self, from: read(url), file: url.path, root: "detections")
        return try detections(from: records, file: url.path, groundTruth: groundTruth)
    }

    static func read(_ url: URL) throws(COCOJSONError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw COCOJSONError(file: url.path, reason: .unreadable("no such file"))
        }
        guard !isFolder.boolValue else {
            throw COCOJSONError(
                file: url.path, reason: .unreadable("it is a folder, not a JSON file"))
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw COCOJSONError(file: url.path, reason: .unreadable(error.localizedDescription))
        }
    }

    static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, file: String, root: String = ""
    ) throws(COCOJSONError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // Not JSON at all: JSONDecoder gives no position or reason, so look for them.
            guard let problem = COCOJSONLocator.problem(in: data, root: root) else {
                throw COCOJSONError(file: file, reason: .malformedJSON(context.debugDescription))
            }
            throw COCOJSONError(
                file: file,
                reason: .invalidJSON(
                    line: problem.line, column: problem.column, path: problem.path,
                    message: problem.message))
        } catch let error as DecodingError {
            throw COCOJSONError(file: file, decoding: error, root: root)
        } catch {
            throw COCOJSONError(file: file, reason: .malformedJSON(String(describing: error)))
        }
    }

    static func groundTruth(
        from records: COCOJSONRecords.GroundTruth, file: String
    ) throws(COCOJSONError) -> COCOGroundTruth {
        let fields = COCOJSONFields(file: file)
        guard let images = records.images else { throw fields.missing("top level", "images") }
        guard let categories = records.categories else {
            throw fields.missing("top level", "categories")
        }
        guard let annotations = records.annotations else {
            throw fields.missing("top level", "annotations")
        }
        let imageIDs = try fields.uniqueIDs(images.map(\.id), section: "images")
        let categoryIDs = try fields.uniqueIDs(categories.map(\.id), section: "categories")

        var parsed: [COCOAnnotation] = []
        parsed.reserveCapacity(annotations.count)
        var firstIndex: [Int: Int] = [:]
        for (index, record) in annotations.enumerated() {
            var path = "annotations[\(index)]"
            let id = try fields.integer(record.id, "id", path: path)
            path += " (id \(id))"
            if id == 0 { throw COCOJSONError(file: file, reason: .zeroID(path: path)) }
            if let first = firstIndex.updateValue(index, forKey: id) {
                throw COCOJSONError(
                    file: file,
                    reason: .duplicateID(
                        section: "annotations", id: id, firstIndex: first, secondIndex: index))
            }
            let box = try fields.box(record.bbox, path: path)
            if box.width < 0 || box.height < 0 {
                throw COCOJSONError(
                    file: file,
                    reason: .negativeBoxSize(path: path, width: box.width, height: box.height))
            }
            guard let area = record.area else { throw fields.missing(path, "area") }
            parsed.append(
                COCOAnnotation(
                    id: id,
                    imageID: try fields.integer(record.imageID, "image_id", path: path),
                    categoryID: try fields.integer(record.categoryID, "category_id", path: path),
                    box: box, area: area, isCrowd: (record.iscrowd ?? 0) != 0))
        }
        return COCOGroundTruth(imageIDs: imageIDs, categoryIDs: categoryIDs, annotations: parsed)
    }

    static func detections(
        from records: [COCOJSONRecords.Detection], file: String, groundTruth: COCOGroundTruth
    ) throws(COCOJSONError) -> [COCODetection] {
        let fields = COCOJSONFields(file: file)
        let images = Set(groundTruth.imageIDs)
        let categories = Set(groundTruth.categoryIDs)
        var parsed: [COCODetection] = []
        parsed.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            let path = "detections[\(index)]"
            let imageID = try fields.integer(record.imageID, "image_id", path: path)
            guard images.contains(imageID) else {
                throw COCOJSONError(file: file, reason: .unknownImage(path: path, imageID: imageID))
            }
            let categoryID = try fields.integer(record.categoryID, "category_id", path: path)
            guard categories.contains(categoryID) else {
                throw COCOJSONError(
                    file: file, reason: .unknownCategory(path: path, categoryID: categoryID))
            }
            guard let score = record.score else { throw fields.missing(path, "score") }
            guard score.isFinite else {
                throw COCOJSONError(file: file, reason: .nonFinite(path: path, key: "score"))
            }
            parsed.append(
                COCODetection(
                    imageID: imageID, categoryID: categoryID,
                    box: try fields.box(record.bbox, path: path), score: score))
        }
        return parsed
    }
}
