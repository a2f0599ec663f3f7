/// Input the COCO evaluator rejects because pycocotools would fail or silently miscount on it.
public enum COCOEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Annotation ids must be non-zero: pycocotools marks "unmatched" with id 0.
    case zeroAnnotationID(annotationIndex: Int)
    /// Annotation ids must be unique: pycocotools looks annotations up by id.
    case duplicateAnnotationID(id: Int, firstIndex: Int, secondIndex: Int)
    /// A detection on an image that is not in the ground truth (pycocotools asserts).
    case unknownDetectionImage(detectionIndex: Int, imageID: Int)
    /// A NaN score cannot be ranked.
    case nanScore(detectionIndex: Int)
    /// More images × categories × entries than one 64-bit sort key per entry can tell apart, or
    /// more than 2³¹ - 1 gts or detections.
    case tooLargeToIndex(images: Int, categories: Int, entries: Int)

    public var description: String {
        switch self {
        case .zeroAnnotationID(let index):
            "annotation #\(index) has id 0; ground-truth ids must be non-zero"
        case .duplicateAnnotationID(let id, let first, let second):
            "annotations #\(first) and #\(second) share the id \(id); ids must be unique"
        case .unknownDetectionImage(let index, let imageID):
            "detection #\(index) refers to image_id \(imageID), which is not in the ground truth"
        case .nanScore(let index):
            "detection #\(index) has a NaN score"
        case .tooLargeToIndex(let images, let categories, let entries):
            "\(images) images × \(categories) categories with \(entries) gts or detections are "
                + "too many to index (expected images × categories × entries below 2⁶⁴ and at "
                + "most \(Int32.max) entries)"
        }
    }
}
