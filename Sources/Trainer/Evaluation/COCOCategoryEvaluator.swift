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

    // Per-category flat detections (cell by cell, each cell sorted by score and truncated).
    var flatDetections: [Int32] = []
    var flatRank: [Int32] = []
    var flatScores: [Double] = []
    var cellFlatStart: [Int] = []
    var outcomes: [UInt8] = []
    var validGTCount: [Int] = []
    // Per-cell scratch.
    var ious: [Double] = []
    var gtPermutation: [Int32] = []
    var gtIgnored: [Bool] = []
    var gtTaken: [Bool] = []
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
        outcomes = Array(
            repeating: Self.falsePositive,
            count: parameters.areaRanges.count * parameters.iouThresholds.count * flatScores.count)
        validGTCount = Array(repeating: 0, count: parameters.areaRanges.count)
        for (position, cell) in cells.enumerated() {
            match(cell: cell, flatRange: cellFlatStart[position]..<cellFlatStart[position + 1])
        }
        accumulate(into: &result)
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

    /// Greedy matching of one cell for every area range and IoU threshold (pycocotools
    /// `evaluateImg`), writing each detection's outcome and counting the non-ignored gts.
    private mutating func match(cell: Int, flatRange: Range<Int>) {
        let gtStart = index.cellGTStart[cell]
        let gtCount = index.cellGTStart[cell + 1] - gtStart
        let detectionCount = flatRange.count
        let thresholdCount = parameters.iouThresholds.count
        let flatCount = flatScores.count

        if gtCount > 0 && detectionCount > 0 {
            if ious.count < gtCount * detectionCount {
                ious = Array(repeating: 0, count: gtCount * detectionCount)
            }
            for d in 0..<detectionCount {
                let box = detectionBoxes[Int(flatDetections[flatRange.lowerBound + d])]
                for g in 0..<gtCount {
                    let gt = Int(index.gtOrder[gtStart + g])
                    ious[d * gtCount + g] = box.iou(gt: gtBoxes[gt], gtIsCrowd: gtCrowd[gt])
                }
            }
        }
        if gtPermutation.count < gtCount {
            gtPermutation = Array(repeating: 0, count: gtCount)
            gtIgnored = Array(repeating: false, count: gtCount)
            gtTaken = Array(repeating: false, count: gtCount)
        }

        for (areaIndex, range) in parameters.areaRanges.enumerated() {
            // Stable reorder: non-ignored gts first, then ignored ones, each in file order.
            var slot = 0
            for pass in 0..<2 {
                for g in 0..<gtCount {
                    let gt = Int(index.gtOrder[gtStart + g])
                    let isIgnored = gtCrowd[gt] || range.excludes(gtAreas[gt])
                    if isIgnored == (pass == 1) {
                        gtPermutation[slot] = Int32(g)
                        gtIgnored[slot] = isIgnored
                        slot += 1
                    }
                }
                if pass == 0 { validGTCount[areaIndex] += slot }
            }
            if detectionCount == 0 { continue }

            for (thresholdIndex, threshold) in parameters.iouThresholds.enumerated() {
                let base = (areaIndex * thresholdCount + thresholdIndex) * flatCount
                for g in 0..<gtCount { gtTaken[g] = false }
                for d in 0..<detectionCount {
                    let flat = flatRange.lowerBound + d
                    var best = min(threshold, 1 - 1e-10)
                    var matched = -1
                    for j in 0..<gtCount {
                        let g = Int(gtPermutation[j])
                        if gtTaken[j] && !gtCrowd[Int(index.gtOrder[gtStart + g])] { continue }
                        if matched > -1 && !gtIgnored[matched] && gtIgnored[j] { break }
                        let iou = ious[d * gtCount + g]
                        if iou < best { continue }
                        best = iou
                        matched = j
                    }
                    let outcome: UInt8
                    if matched > -1 {
                        gtTaken[matched] = true
                        outcome = gtIgnored[matched] ? Self.ignored : Self.truePositive
                    } else {
                        let box = detectionBoxes[Int(flatDetections[flat])]
                        outcome = range.excludes(box.boxArea) ? Self.ignored : Self.falsePositive
                    }
                    outcomes[base + flat] = outcome
                }
            }
        }
    }
}
