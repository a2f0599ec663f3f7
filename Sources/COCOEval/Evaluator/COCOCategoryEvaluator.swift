/// Evaluates and accumulates one category at a time (pycocotools `evaluateImg` for every image and
/// area range, then `accumulate`), reusing its scratch buffers across cells and categories.
///
/// Per cell (image, category): detections are stable-sorted by descending score and cut to the
/// last maxDets; the IoU matrix against the cell's gts (file order) is computed once and reused for
/// every area range and IoU threshold. Each detection then gets one outcome per (area, threshold):
/// true positive, false positive or ignored.
struct COCOCategoryEvaluator {
    static let falsePositive: UInt8 = 0
    static let truePositive: UInt8 = 1
    static let ignored: UInt8 = 2

    let parameters: COCOEvalParameters
    let index: COCOEvalIndex
    let gtBoxes: [COCOFlatBox]
    let gtAreas: [Double]
    let gtCrowd: [Bool]
    let detectionBoxes: [COCOFlatBox]
    let detectionScores: [Double]
    // Parameters unpacked into flat arrays for the matching loops.
    let iouThresholds: [Double]
    let areaLowerBounds: [Double]
    let areaUpperBounds: [Double]

    // Per-category flat detections (cell by cell, each cell sorted by score and truncated).
    var flatDetections: [Int32] = []
    var flatRank: [Int32] = []
    var flatScores: [Double] = []
    var cellFlatStart: [Int] = []
    // Accumulation scratch.
    var order: [Int32] = []
    var selection: [Int32] = []
    var recallCurve: [Double] = []
    var precisionCurve: [Double] = []

    init(
        parameters: COCOEvalParameters, index: COCOEvalIndex, gtBoxes: [COCOFlatBox],
        gtAreas: [Double], gtCrowd: [Bool], detectionBoxes: [COCOFlatBox],
        detectionScores: [Double]
    ) {
        self.parameters = parameters
        self.index = index
        self.gtBoxes = gtBoxes
        self.gtAreas = gtAreas
        self.gtCrowd = gtCrowd
        self.detectionBoxes = detectionBoxes
        self.detectionScores = detectionScores
        iouThresholds = parameters.iouThresholds
        areaLowerBounds = parameters.areaRanges.map(\.lower)
        areaUpperBounds = parameters.areaRanges.map(\.upper)
    }

    /// Precision and recall of category index `category` (into `index.categoryIDs`).
    mutating func evaluate(category: Int) -> COCOCategoryResult {
        var result = COCOCategoryResult(
            areaCount: parameters.areaRanges.count,
            maxDetectionsCount: parameters.maxDetections.count,
            iouCount: parameters.iouThresholds.count,
            recallCount: parameters.recallThresholds.count)
        let cells = index.categoryCellStart[category]..<index.categoryCellStart[category + 1]
        if cells.isEmpty { return result }
        collectDetections(cells: cells)
        var outcomes = [UInt8](
            repeating: Self.falsePositive,
            count: parameters.areaRanges.count * parameters.iouThresholds.count * flatScores.count)
        var validGTCount = [Int](repeating: 0, count: parameters.areaRanges.count)
        var largestCell = (gts: 0, detections: 0)
        for (position, cell) in cells.enumerated() {
            largestCell.gts = max(
                largestCell.gts, index.cellGTStart[cell + 1] - index.cellGTStart[cell])
            largestCell.detections = max(
                largestCell.detections, cellFlatStart[position + 1] - cellFlatStart[position])
        }
        let scratch = COCOMatchScratch(
            gtCapacity: largestCell.gts, detectionCapacity: largestCell.detections)
        defer { scratch.deallocate() }
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            for (position, cell) in cells.enumerated() {
                match(
                    cell: cell, flatRange: cellFlatStart[position]..<cellFlatStart[position + 1],
                    scratch: scratch, outcomes: outcomes.baseAddress!, validGTCount: &validGTCount)
            }
        }
        accumulate(outcomes: outcomes, validGTCount: validGTCount, into: &result)
        return result
    }

    /// Sorts each cell's detections by descending score (stable), keeps the best maxDets and
    /// appends them to the flat per-category arrays.
    private mutating func collectDetections(cells: Range<Int>) {
        let cap = parameters.maxDetections[parameters.maxDetections.count - 1]
        flatDetections.removeAll(keepingCapacity: true)
        flatRank.removeAll(keepingCapacity: true)
        flatScores.removeAll(keepingCapacity: true)
        cellFlatStart.removeAll(keepingCapacity: true)
        cellFlatStart.append(0)
        for cell in cells {
            let start = flatDetections.count
            for position in index.cellDetectionStart[cell]..<index.cellDetectionStart[cell + 1] {
                flatDetections.append(index.detectionOrder[position])
            }
            sortByScore(start..<flatDetections.count)
            if flatDetections.count - start > cap {
                flatDetections.removeLast(flatDetections.count - start - cap)
            }
            for position in start..<flatDetections.count {
                flatRank.append(Int32(position - start))
                flatScores.append(detectionScores[Int(flatDetections[position])])
            }
            cellFlatStart.append(flatDetections.count)
        }
    }

    /// Stable sort of `flatDetections[range]` by descending score (ties keep input order).
    private mutating func sortByScore(_ range: Range<Int>) {
        let scores = detectionScores
        if range.count <= 32 {
            var i = range.lowerBound + 1
            while i < range.upperBound {
                let item = flatDetections[i]
                let score = scores[Int(item)]
                var j = i
                while j > range.lowerBound && scores[Int(flatDetections[j - 1])] < score {
                    flatDetections[j] = flatDetections[j - 1]
                    j -= 1
                }
                flatDetections[j] = item
                i += 1
            }
        } else {
            flatDetections[range].sort { a, b in
                let sa = scores[Int(a)]
                let sb = scores[Int(b)]
                return sa > sb || (sa == sb && a < b)
            }
        }
    }
}
