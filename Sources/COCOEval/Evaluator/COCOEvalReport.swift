import Foundation

/// The full report `sweep-cli eval` prints: the 12 COCO numbers (pycocotools `summarize()` lines),
/// AP@0.5 on small objects, and AP over the AI-TOD tiny ranges (maxDets 1500).
public struct COCOEvalReport: Sendable {
    /// The 12 pycocotools summary lines.
    public var coco: [COCOSummaryLine]
    /// AP@0.5 small (maxDets 100) then AP very tiny, tiny and small under AI-TOD parameters.
    public var extra: [COCOSummaryLine]
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
        let aiTODMaxDets = COCOEvalParameters.aiTOD.maxDetections[2]
        self.coco = coco.summary()
        extra =
            [
                COCOSummaryLine(
                    isPrecision: true, iouThreshold: 0.5, area: .small, maxDetections: 100,
                    value: coco.averagePrecision(
                        area: .small, maxDetections: 100, iouThreshold: 0.5))
            ]
            + [COCOArea.verytiny, .tiny, .small].map { area in
                COCOSummaryLine(
                    isPrecision: true, iouThreshold: nil, area: area, maxDetections: aiTODMaxDets,
                    value: aiTOD.averagePrecision(area: area, maxDetections: aiTODMaxDets))
            }
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

    /// The JSON keys, in output order: pycocotools' names, then `AP50s`, `APvt`, `APt`, `APs_aitod`.
    public static let keys = [
        "AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl",
        "AP50s", "APvt", "APt", "APs_aitod",
    ]

    /// The values in `keys` order.
    public var values: [Double] { (coco + extra).map(\.value) }

    /// The human-readable report: the 12 pycocotools lines, then the extra lines under a heading.
    public var text: String {
        var lines = coco.map { $0.formatted(thresholds: iouThresholds) }
        lines.append(extra[0].formatted(thresholds: iouThresholds))
        lines.append(
            "AI-TOD ranges (aitodpycocotools parameters: verytiny [0, 64], tiny [64, 256], "
                + "small [256, 1024]):")
        lines += extra.dropFirst().map { $0.formatted(thresholds: iouThresholds) }
        return lines.joined(separator: "\n")
    }

    /// One JSON object with `keys`; values in shortest round-trip form.
    public var json: String {
        let fields = zip(Self.keys, values).map { "\"\($0)\": \($1)" }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
