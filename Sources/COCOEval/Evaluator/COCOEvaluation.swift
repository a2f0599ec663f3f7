/// The accumulated result of a COCO evaluation: pycocotools' `eval['precision']` and
/// `eval['recall']`, with the summary and per-category queries. -1 marks an undefined entry (no
/// non-ignored gt for that category and area range).
public struct COCOEvaluation: Sendable {
    /// The parameters the evaluation ran with.
    public let parameters: COCOEvalParameters
    /// The evaluated category ids, ascending (pycocotools' category axis).
    public let categoryIDs: [Int]
    let categories: [COCOCategoryResult]

    /// Interpolated precision `precision[t][r][k][a][m]` in pycocotools' axis order.
    public func precision(
        iouIndex t: Int, recallIndex r: Int, categoryIndex k: Int, areaIndex a: Int,
        maxDetectionsIndex m: Int
    ) -> Double {
        let p = parameters
        let slot = ((a * p.maxDetections.count + m) * p.iouThresholds.count + t)
        return categories[k].precision[slot * p.recallThresholds.count + r]
    }

    /// Final recall `recall[t][k][a][m]` in pycocotools' axis order.
    public func recall(
        iouIndex t: Int, categoryIndex k: Int, areaIndex a: Int, maxDetectionsIndex m: Int
    ) -> Double {
        let p = parameters
        return categories[k].recall[(a * p.maxDetections.count + m) * p.iouThresholds.count + t]
    }

    /// pycocotools `_summarize(ap=1, …)`: the mean of the precision entries > -1 over the selected
    /// IoU thresholds (all, or the one equal to `iouThreshold`), all recall thresholds and all
    /// categories, flattened t, r, k; -1 when there is none. The range and maxDets must exist in the
    /// parameters; an `iouThreshold` not among the thresholds gives -1, as in pycocotools.
    public func averagePrecision(
        area: COCOArea, maxDetections: Int, iouThreshold: Double? = nil
    ) -> Double {
        let a = parameters.areaIndex(area)
        let m = parameters.maxDetectionsIndex(maxDetections)
        var values: [Double] = []
        for t in thresholdIndices(iouThreshold) {
            for r in parameters.recallThresholds.indices {
                for k in categoryIDs.indices {
                    let value = precision(
                        iouIndex: t, recallIndex: r, categoryIndex: k, areaIndex: a,
                        maxDetectionsIndex: m)
                    if value > -1 { values.append(value) }
                }
            }
        }
        return values.isEmpty ? -1 : PairwiseSum.mean(values)
    }

    /// pycocotools `_summarize(ap=0, …)`: the mean of the recall entries > -1 (flattened t, k),
    /// -1 when there is none.
    public func averageRecall(
        area: COCOArea, maxDetections: Int, iouThreshold: Double? = nil
    ) -> Double {
        let a = parameters.areaIndex(area)
        let m = parameters.maxDetectionsIndex(maxDetections)
        var values: [Double] = []
        for t in thresholdIndices(iouThreshold) {
            for k in categoryIDs.indices {
                let value = recall(
                    iouIndex: t, categoryIndex: k, areaIndex: a, maxDetectionsIndex: m)
                if value > -1 { values.append(value) }
            }
        }
        return values.isEmpty ? -1 : PairwiseSum.mean(values)
    }

    /// AP of one category: the mean of its precision entries > -1 over the selected IoU thresholds
    /// and all recall thresholds (flattened t, r); -1 when the category has no non-ignored gt in
    /// `area`, nil when `categoryID` was not evaluated.
    public func categoryAveragePrecision(
        categoryID: Int, area: COCOArea, maxDetections: Int, iouThreshold: Double? = nil
    ) -> Double? {
        guard let k = categoryIDs.firstIndex(of: categoryID) else { return nil }
        let a = parameters.areaIndex(area)
        let m = parameters.maxDetectionsIndex(maxDetections)
        var values: [Double] = []
        for t in thresholdIndices(iouThreshold) {
            for r in parameters.recallThresholds.indices {
                let value = precision(
                    iouIndex: t, recallIndex: r, categoryIndex: k, areaIndex: a,
                    maxDetectionsIndex: m)
                if value > -1 { values.append(value) }
            }
        }
        return values.isEmpty ? -1 : PairwiseSum.mean(values)
    }

    /// AR of one category: the mean of its recall entries > -1 over the selected IoU thresholds;
    /// -1 when undefined, nil when `categoryID` was not evaluated.
    public func categoryAverageRecall(
        categoryID: Int, area: COCOArea, maxDetections: Int, iouThreshold: Double? = nil
    ) -> Double? {
        guard let k = categoryIDs.firstIndex(of: categoryID) else { return nil }
        let a = parameters.areaIndex(area)
        let m = parameters.maxDetectionsIndex(maxDetections)
        let values = thresholdIndices(iouThreshold)
            .map { recall(iouIndex: $0, categoryIndex: k, areaIndex: a, maxDetectionsIndex: m) }
            .filter { $0 > -1 }
        return values.isEmpty ? -1 : PairwiseSum.mean(values)
    }

    private func thresholdIndices(_ iouThreshold: Double?) -> [Int] {
        guard let iouThreshold else { return Array(parameters.iouThresholds.indices) }
        return parameters.iouThresholds.indices.filter {
            parameters.iouThresholds[$0] == iouThreshold
        }
    }
}
