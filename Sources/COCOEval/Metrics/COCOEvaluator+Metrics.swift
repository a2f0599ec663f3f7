extension COCOEvaluator {
    /// All `DetectionMetrics` for one set of detections: the 12 COCO numbers, AP@0.5 on small
    /// objects (maxDets 100), and AP over the AI-TOD very-tiny, tiny and small ranges (official
    /// `aitodpycocotools` parameters, maxDets 1500). Runs two evaluations (COCO and AI-TOD).
    /// - Throws: `COCOEvaluationError` on invalid input (zero or duplicate annotation ids,
    ///   a detection on an unknown image, a NaN score).
    public static func metrics(
        groundTruth: COCOGroundTruth, detections: [COCODetection]
    ) throws -> DetectionMetrics {
        try COCOEvalReport(groundTruth: groundTruth, detections: detections).metrics
    }
}
