/// Counts over a dataset for reports: images, objects per class and per COCO size range
/// (small: area < 32², medium: < 96², large: the rest).
public struct DatasetStatistics: Sendable, Equatable, CustomStringConvertible {
    public var classNames: [String]
    public var images: Int
    public var objectsPerClass: [Int]
    public var small: Int
    public var medium: Int
    public var large: Int

    public init(_ dataset: DetectionDataset) {
        classNames = dataset.classNames
        images = dataset.images.count
        objectsPerClass = [Int](repeating: 0, count: dataset.classNames.count)
        small = 0
        medium = 0
        large = 0
        for object in dataset.images.flatMap(\.objects) {
            if objectsPerClass.indices.contains(object.classIndex) {
                objectsPerClass[object.classIndex] += 1
            }
            let area = object.box.width * object.box.height
            if area < 32 * 32 {
                small += 1
            } else if area < 96 * 96 {
                medium += 1
            } else {
                large += 1
            }
        }
    }

    public var objects: Int { small + medium + large }

    /// One line: `N images, M objects (small s, medium m, large l; name k, …)`.
    public var description: String {
        let classes = zip(classNames, objectsPerClass).map { "\($0) \($1)" }
        return "\(images) images, \(objects) objects (small \(small), medium \(medium), "
            + "large \(large); \(classes.joined(separator: ", ")))"
    }
}
