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
        let thresholds = iouThresholds
        let thresholdCount = thresholds.count
        let lowers = areaLowerBounds
        let uppers = areaUpperBounds
        let flatCount = flatScores.count
        let gtOrder = index.gtOrder
        let flatDetections = flatDetections
        let ious = scratch.ious
        let slotGT = scratch.slotGT
        let slotIgnored = scratch.slotIgnored
        let slotCrowd = scratch.slotCrowd
        let slotTaken = scratch.slotTaken

        if gtCount > 0 && detectionCount > 0 {
            for d in 0..<detectionCount {
                let box = detectionBoxes[Int(flatDetections[flatRange.lowerBound + d])]
                for g in 0..<gtCount {
                    let gt = Int(gtOrder[gtStart + g])
                    ious[d * gtCount + g] = box.iou(gt: gtBoxes[gt], gtIsCrowd: gtCrowd[gt])
                }
            }
        }

        for areaIndex in 0..<lowers.count {
            let lower = lowers[areaIndex]
            let upper = uppers[areaIndex]
            // Stable reorder: non-ignored gts first, then ignored ones, each in file order.
            var slot = 0
            for pass in 0..<2 {
                for g in 0..<gtCount {
                    let gt = Int(gtOrder[gtStart + g])
                    let area = gtAreas[gt]
                    let isIgnored = gtCrowd[gt] || area < lower || area > upper
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

            for thresholdIndex in 0..<thresholdCount {
                let threshold = thresholds[thresholdIndex]
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
                        outcome[flat] =
                            area < lower || area > upper ? Self.ignored : Self.falsePositive
                    }
                }
            }
        }
    }
}
