extension COCOCategoryEvaluator {
    /// Greedy matching of one cell for every area range and IoU threshold (pycocotools
    /// `evaluateImg`): writes each detection's outcome into `outcomes[(area·T + t)·flatCount + flat]`
    /// and adds the cell's non-ignored gt count per area range to `validGTCount`.
    func match(
        cell: Int, flatRange: Range<Int>, scratch: COCOMatchScratch,
        outcomes: UnsafeMutablePointer<UInt8>, validGTCount: inout [Int]
    ) {
        let gtStart = index.cellGTStart[cell]
        let gtCount = index.cellGTStart[cell + 1] - gtStart
        let detectionCount = flatRange.count
        let thresholdCount = parameters.iouThresholds.count
        let flatCount = flatScores.count
        let ious = scratch.ious
        let slotGT = scratch.slotGT
        let slotIgnored = scratch.slotIgnored
        let slotCrowd = scratch.slotCrowd
        let slotTaken = scratch.slotTaken

        if gtCount > 0 && detectionCount > 0 {
            for d in 0..<detectionCount {
                let box = detectionBoxes[Int(flatDetections[flatRange.lowerBound + d])]
                for g in 0..<gtCount {
                    let gt = Int(index.gtOrder[gtStart + g])
                    ious[d * gtCount + g] = box.iou(gt: gtBoxes[gt], gtIsCrowd: gtCrowd[gt])
                }
            }
        }

        for (areaIndex, range) in parameters.areaRanges.enumerated() {
            // Stable reorder: non-ignored gts first, then ignored ones, each in file order.
            var slot = 0
            for pass in 0..<2 {
                for g in 0..<gtCount {
                    let gt = Int(index.gtOrder[gtStart + g])
                    let isIgnored = gtCrowd[gt] || range.excludes(gtAreas[gt])
                    if isIgnored == (pass == 1) {
                        slotGT[slot] = g
                        slotIgnored[slot] = isIgnored
                        slotCrowd[slot] = gtCrowd[gt]
                        slot += 1
                    }
                }
                if pass == 0 { validGTCount[areaIndex] += slot }
            }
            if detectionCount == 0 { continue }

            for (thresholdIndex, threshold) in parameters.iouThresholds.enumerated() {
                let outcome = outcomes + (areaIndex * thresholdCount + thresholdIndex) * flatCount
                for j in 0..<gtCount { slotTaken[j] = false }
                let start = min(threshold, 1 - 1e-10)
                for d in 0..<detectionCount {
                    let row = d * gtCount
                    var best = start
                    var matched = -1
                    for j in 0..<gtCount {
                        if slotTaken[j] && !slotCrowd[j] { continue }
                        if matched > -1 && !slotIgnored[matched] && slotIgnored[j] { break }
                        let iou = ious[row + slotGT[j]]
                        if iou < best { continue }
                        best = iou
                        matched = j
                    }
                    let flat = flatRange.lowerBound + d
                    if matched > -1 {
                        slotTaken[matched] = true
                        outcome[flat] = slotIgnored[matched] ? Self.ignored : Self.truePositive
                    } else {
                        let area = detectionBoxes[Int(flatDetections[flat])].boxArea
                        outcome[flat] = range.excludes(area) ? Self.ignored : Self.falsePositive
                    }
                }
            }
        }
    }
}
