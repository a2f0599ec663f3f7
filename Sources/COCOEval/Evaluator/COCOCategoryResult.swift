/// The accumulated precision and recall of one category, -1 where undefined.
struct COCOCategoryResult: Sendable {
    /// Interpolated precision, indexed `[area][maxDets][iouThreshold][recallThreshold]`.
    var precision: [Double]
    /// Final recall, indexed `[area][maxDets][iouThreshold]`.
    var recall: [Double]

    init(areaCount: Int, maxDetectionsCount: Int, iouCount: Int, recallCount: Int) {
        precision = Array(
            repeating: -1, count: areaCount * maxDetectionsCount * iouCount * recallCount)
        recall = Array(repeating: -1, count: areaCount * maxDetectionsCount * iouCount)
    }
}
