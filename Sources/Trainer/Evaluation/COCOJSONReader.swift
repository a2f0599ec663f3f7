import Foundation

/// Reads COCO JSON: a ground-truth file (`images`, `annotations`, `categories`) and a results
/// list (`[{image_id, category_id, bbox, score}]`). Every number is read as a Double (ids must be
/// integral). Errors name the file, the entry and the key (`COCOJSONError`).
public enum COCOJSONReader {
    /// Reads a ground-truth file. Annotations keep their file order; `iscrowd` defaults to 0 and
    /// `area` is required (it is never recomputed from the box).
    public static func readGroundTruth(at url: URL) throws(COCOJSONError) -> COCOGroundTruth {
        try groundTruth(from: jsonObject(at: url), file: url.path)
    }

    /// Reads a results list, checking every image and category id against `groundTruth`.
    public static func readDetections(
        at url: URL, groundTruth: COCOGroundTruth
    ) throws(COCOJSONError) -> [COCODetection] {
        try detections(from: jsonObject(at: url), file: url.path, groundTruth: groundTruth)
    }

    static func jsonObject(at url: URL) throws(COCOJSONError) -> Any {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw COCOJSONError(file: url.path, reason: .unreadable(error.localizedDescription))
        }
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw COCOJSONError(file: url.path, reason: .malformedJSON(String(describing: error)))
        }
    }

    /// Builds a ground truth from a parsed JSON object (the top-level dictionary).
    static func groundTruth(from object: Any, file: String) throws(COCOJSONError) -> COCOGroundTruth {
        let reader = COCOJSONFields(file: file)
        let top = try reader.dictionary(object, path: "top level")
        let images = try reader.array(top, "images", path: "top level")
        let categories = try reader.array(top, "categories", path: "top level")
        let annotations = try reader.array(top, "annotations", path: "top level")
        let imageIDs = try reader.uniqueIDs(images, section: "images")
        let categoryIDs = try reader.uniqueIDs(categories, section: "categories")

        var parsed: [COCOAnnotation] = []
        parsed.reserveCapacity(annotations.count)
        var firstIndex: [Int: Int] = [:]
        for (index, element) in annotations.enumerated() {
            var path = "annotations[\(index)]"
            let entry = try reader.dictionary(element, path: path)
            let id = try reader.integer(entry, "id", path: path)
            path += " (id \(id))"
            if id == 0 { throw COCOJSONError(file: file, reason: .zeroID(path: path)) }
            if let first = firstIndex.updateValue(index, forKey: id) {
                throw COCOJSONError(
                    file: file,
                    reason: .duplicateID(
                        section: "annotations", id: id, firstIndex: first, secondIndex: index))
            }
            let box = try reader.box(entry, path: path)
            if box.width < 0 || box.height < 0 {
                throw COCOJSONError(
                    file: file,
                    reason: .negativeBoxSize(path: path, width: box.width, height: box.height))
            }
            parsed.append(
                COCOAnnotation(
                    id: id,
                    imageID: try reader.integer(entry, "image_id", path: path),
                    categoryID: try reader.integer(entry, "category_id", path: path),
                    box: box,
                    area: try reader.number(entry, "area", path: path),
                    isCrowd: try reader.optionalNumber(entry, "iscrowd", path: path).map { $0 != 0 }
                        ?? false))
        }
        return COCOGroundTruth(imageIDs: imageIDs, categoryIDs: categoryIDs, annotations: parsed)
    }

    /// Builds detections from a parsed JSON object (the top-level array).
    static func detections(
        from object: Any, file: String, groundTruth: COCOGroundTruth
    ) throws(COCOJSONError) -> [COCODetection] {
        let reader = COCOJSONFields(file: file)
        guard let list = object as? [Any] else {
            throw COCOJSONError(
                file: file,
                reason: .wrongType(
                    path: "top level", expected: "an array of detections",
                    found: COCOJSONFields.describe(object)))
        }
        let images = Set(groundTruth.imageIDs)
        let categories = Set(groundTruth.categoryIDs)
        var parsed: [COCODetection] = []
        parsed.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            let path = "detections[\(index)]"
            let entry = try reader.dictionary(element, path: path)
            let imageID = try reader.integer(entry, "image_id", path: path)
            guard images.contains(imageID) else {
                throw COCOJSONError(file: file, reason: .unknownImage(path: path, imageID: imageID))
            }
            let categoryID = try reader.integer(entry, "category_id", path: path)
            guard categories.contains(categoryID) else {
                throw COCOJSONError(
                    file: file, reason: .unknownCategory(path: path, categoryID: categoryID))
            }
            let score = try reader.number(entry, "score", path: path)
            guard score.isFinite else {
                throw COCOJSONError(file: file, reason: .nonFinite(path: path, key: "score"))
            }
            parsed.append(
                COCODetection(
                    imageID: imageID, categoryID: categoryID, box: try reader.box(entry, path: path),
                    score: score))
        }
        return parsed
    }
}
