/// Where a ``DetectionMetric`` is read from: the COCO or the AI-TOD evaluation, and the summary
/// setting inside it (precision or recall, area range, maxDets, one IoU threshold or the mean).
public struct DetectionMetricSource: Sendable, Equatable {
    /// The evaluation: with ``COCOEvalParameters/coco`` or with ``COCOEvalParameters/aiTOD``.
    public enum Evaluation: Sendable, Equatable {
        case coco
        case aiTOD
    }

    public var evaluation: Evaluation
    /// One of pycocotools' 12 `stats` (printed by `summarize()`).
    public var isPycocotoolsStat: Bool
    /// Average precision (`true`) or average recall (`false`).
    public var isPrecision: Bool
    public var area: COCOArea
    /// The position in the parameters' `maxDetections` (2 is the largest of the three).
    public var maxDetectionsIndex: Int
    /// A single IoU threshold, or nil for the mean over all thresholds.
    public var iouThreshold: Double?

    /// One of pycocotools' `stats` of the COCO evaluation.
    static func stat(
        precision: Bool, _ area: COCOArea, maxDetectionsIndex: Int, iou: Double? = nil
    ) -> DetectionMetricSource {
        DetectionMetricSource(
            evaluation: .coco, isPycocotoolsStat: true, isPrecision: precision, area: area,
            maxDetectionsIndex: maxDetectionsIndex, iouThreshold: iou)
    }

    /// AP over an AI-TOD range at its largest maxDets (1500), averaged over the IoU thresholds.
    static func aiTOD(_ area: COCOArea) -> DetectionMetricSource {
        DetectionMetricSource(
            evaluation: .aiTOD, isPycocotoolsStat: false, isPrecision: true, area: area,
            maxDetectionsIndex: 2, iouThreshold: nil)
    }
}
