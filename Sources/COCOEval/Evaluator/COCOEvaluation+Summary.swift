extension COCOEvaluation {
    /// pycocotools' 12 `stats` with their settings, in its order (``DetectionMetric``'s
    /// `pycocotoolsStats`: AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl). AP
    /// uses the third maxDets (100), the ARs the first three. The parameters must have the `all`,
    /// `small`, `medium` and `large` ranges and ≥ 3 maxDets (the COCO defaults do).
    public func summary() -> [COCOSummaryLine] {
        DetectionMetric.pycocotoolsStats.map { summaryLine($0.source) }
    }

    /// The 12 summary values (pycocotools' `COCOeval.stats`).
    public var stats: [Double] { summary().map(\.value) }

    /// The summary line of `source`'s setting, read from this evaluation whichever evaluation
    /// `source` names.
    func summaryLine(_ source: DetectionMetricSource) -> COCOSummaryLine {
        let maxDets = parameters.maxDetections
        precondition(
            source.maxDetectionsIndex < maxDets.count,
            "COCOEvaluation: maxDets #\(source.maxDetectionsIndex) of \(maxDets) asked for")
        let top = maxDets[source.maxDetectionsIndex]
        let (area, iou) = (source.area, source.iouThreshold)
        let value =
            source.isPrecision
            ? averagePrecision(area: area, maxDetections: top, iouThreshold: iou)
            : averageRecall(area: area, maxDetections: top, iouThreshold: iou)
        return COCOSummaryLine(
            isPrecision: source.isPrecision, iouThreshold: source.iouThreshold, area: source.area,
            maxDetections: top, value: value)
    }
}
