import Foundation

/// The full report `sweep-cli eval` prints: one summary line per ``DetectionMetric`` — the 12
/// COCO numbers (pycocotools `summarize()` lines), AP@0.5 on small objects, and AP over the AI-TOD
/// tiny ranges (maxDets 1500).
public struct COCOEvalReport: Sendable {
    /// The summary lines, in `DetectionMetric.allCases` order.
    public var lines: [COCOSummaryLine]
    /// The COCO IoU thresholds (for the `0.50:0.95` label).
    public var iouThresholds: [Double]

    /// Evaluates `detections` with the COCO and the AI-TOD parameters.
    public init(
        groundTruth: COCOGroundTruth, detections: [COCODetection]
    ) throws(COCOEvaluationError) {
        let coco = try COCOEvaluator(parameters: .coco)
            .evaluate(groundTruth: groundTruth, detections: detections)
        let aiTOD = try COCOEvaluator(parameters: .aiTOD)
            .evaluate(groundTruth: groundTruth, detections: detections)
        lines = DetectionMetric.allCases.map { $0.summaryLine(coco: coco, aiTOD: aiTOD) }
        iouThresholds = coco.parameters.iouThresholds
    }

    /// Reads a ground-truth file and a results file, then evaluates.
    /// - Throws: `COCOJSONError` for unreadable or invalid files, `COCOEvaluationError` for input
    ///   the evaluator rejects.
    public static func evaluate(groundTruthFile: URL, detectionsFile: URL) throws -> COCOEvalReport
    {
        let groundTruth = try COCOJSONReader.readGroundTruth(at: groundTruthFile)
        let detections = try COCOJSONReader.readDetections(
            at: detectionsFile, groundTruth: groundTruth)
        return try COCOEvalReport(groundTruth: groundTruth, detections: detections)
    }

    /// The JSON keys, in output order (``DetectionMetric/reportKey``): pycocotools' names, then
    /// `AP50s`, `APvt`, `APt`, `APs_aitod`.
    public static let keys = DetectionMetric.allCases.map(\.reportKey)

    /// The values in `keys` order.
    public var values: [Double] { lines.map(\.value) }

    /// The values as ``DetectionMetrics``.
    public var metrics: DetectionMetrics {
        var metrics = DetectionMetrics.undefined
        for (metric, line) in zip(DetectionMetric.allCases, lines) {
            metrics[metric] = line.value
        }
        return metrics
    }

    /// The human-readable report: the pycocotools lines, the other COCO lines, then the AI-TOD
    /// lines under a heading.
    public var text: String {
        let sources = DetectionMetric.allCases.map(\.source)
        let formatted = lines.map { $0.formatted(thresholds: iouThresholds) }
        let aiTOD = zip(sources, formatted).filter { $0.0.evaluation == .aiTOD }.map(\.1)
        let coco = zip(sources, formatted).filter { $0.0.evaluation == .coco }.map(\.1)
        return
            (coco + [
                "AI-TOD ranges (aitodpycocotools parameters: verytiny [0, 64], tiny [64, 256], "
                    + "small [256, 1024]):"
            ] + aiTOD).joined(separator: "\n")
    }

    /// One JSON object with `keys`; values in shortest round-trip form.
    public var json: String {
        let fields = zip(Self.keys, values).map { "\"\($0)\": \($1)" }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
