extension COCOEvaluation {
    /// pycocotools' 12 `stats` with their settings, in its order: AP, AP50, AP75, APs, APm, APl,
    /// AR1, AR10, AR100, ARs, ARm, ARl. AP uses the third maxDets (100), the ARs the first three.
    /// The parameters must have the `all`, `small`, `medium` and `large` ranges and ≥ 3 maxDets
    /// (the COCO defaults do).
    public func summary() -> [COCOSummaryLine] {
        let maxDets = parameters.maxDetections
        precondition(maxDets.count >= 3, "COCOEvaluation.summary needs 3 maxDets, got \(maxDets)")
        let top = maxDets[2]
        let precisionSettings: [(Double?, COCOArea)] = [
            (nil, .all), (0.5, .all), (0.75, .all), (nil, .small), (nil, .medium), (nil, .large),
        ]
        let recallSettings: [(COCOArea, Int)] = [
            (.all, maxDets[0]), (.all, maxDets[1]), (.all, top), (.small, top), (.medium, top),
            (.large, top),
        ]
        return precisionSettings.map { iou, area in
            COCOSummaryLine(
                isPrecision: true, iouThreshold: iou, area: area, maxDetections: top,
                value: averagePrecision(area: area, maxDetections: top, iouThreshold: iou))
        }
            + recallSettings.map { area, maxDets in
                COCOSummaryLine(
                    isPrecision: false, iouThreshold: nil, area: area, maxDetections: maxDets,
                    value: averageRecall(area: area, maxDetections: maxDets))
            }
    }

    /// The 12 summary values (pycocotools' `COCOeval.stats`).
    public var stats: [Double] { summary().map(\.value) }
}
