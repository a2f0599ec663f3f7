extension COCOEvaluator {
    /// All `DetectionMetrics` for one set of detections: the 12 COCO numbers, AP@0.5 on small
    /// objects (maxDets 100), and AP over the AI-TOD very-tiny, tiny and small ranges (official
    /// `aitodpycocotools` parameters, maxDets 1500). Runs two evaluations (COCO and AI-TOD).
    /// - Throws: `COCOEvaluationError` on invalid input (zero or duplicate annotation ids,
    ///   a detection on an unknown image, a NaN score).
    public static func metrics(
        groundTruth: COCOGroundTruth, detections: [COCODetection]
    ) throws -> DetectionMetrics {
        let coco = try COCOEvaluator(parameters: .coco)
            .evaluate(groundTruth: groundTruth, detections: detections)
        let aiTOD = try COCOEvaluator(parameters: .aiTOD)
            .evaluate(groundTruth: groundTruth, detections: detections)
        let stats = coco.stats
        let aiTODMaxDets = COCOEvalParameters.aiTOD.maxDetections[2]
        return DetectionMetrics(
            ap: stats[0], ap50: stats[1], ap75: stats[2], apSmall: stats[3], apMedium: stats[4],
            apLarge: stats[5], ar1: stats[6], ar10: stats[7], ar100: stats[8], arSmall: stats[9],
            arMedium: stats[10], arLarge: stats[11],
            ap50Small: coco.averagePrecision(area: .small, maxDetections: 100, iouThreshold: 0.5),
            apVeryTiny: aiTOD.averagePrecision(area: .verytiny, maxDetections: aiTODMaxDets),
            apTiny: aiTOD.averagePrecision(area: .tiny, maxDetections: aiTODMaxDets),
            apTinySmall: aiTOD.averagePrecision(area: .small, maxDetections: aiTODMaxDets))
    }
}
