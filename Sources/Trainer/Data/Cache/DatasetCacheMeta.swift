/// What a dataset cache file holds besides the pixels (stored as JSON after them): what it was
/// built from, the class names, every image's objects in training-image pixels, and the
/// problems skipped while reading (with `skip_corrupt`).
struct DatasetCacheMeta: Codable, Sendable, Equatable {
    /// ``DatasetFingerprint`` of the files and settings the cache was built from.
    var fingerprint: String
    var imageSize: Int
    var resize: ResizeMode
    var classNames: [String]
    var train: [[ObjectAnnotation]]
    var val: [[ObjectAnnotation]]
    var warnings: [String]

    /// Why the meta cannot describe a usable dataset, or `nil`.
    var problem: String? {
        if TrainingBounds.imageSize.violation(imageSize) != nil {
            return "image size \(imageSize) is out of range"
        }
        if train.isEmpty || val.isEmpty { return "a split has no images" }
        for object in (train + val).joined() {
            let b = object.box
            guard classNames.indices.contains(object.classIndex) else {
                return "class index \(object.classIndex) is not in 0..<\(classNames.count)"
            }
            guard [b.x, b.y, b.width, b.height].allSatisfy({ $0.isFinite }) else {
                return "a box is not finite"
            }
        }
        return nil
    }
}
