extension COCOCategoryEvaluator {
    /// pycocotools `accumulate` for one category: for each area range and maxDets, merges the
    /// cells' first-maxDets detections in one stable descending-score order (ties: ascending image
    /// id, then per-image order), and samples the precision envelope at the recall thresholds.
    mutating func accumulate(
        outcomes: [UInt8], validGTCount: [Int], into result: inout COCOCategoryResult
    ) {
        let flatCount = flatScores.count
        let scores = flatScores
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: 0..<Int32(flatCount))
        // Flat position equals position in the image-ascending concatenation, so (score desc,
        // position asc) is pycocotools' stable mergesort order. Filtering it by rank < maxDets
        // gives the same order as sorting the truncated lists.
        order.sort { a, b in
            let sa = scores[Int(a)]
            let sb = scores[Int(b)]
            return sa > sb || (sa == sb && a < b)
        }
        if recallCurve.count < flatCount {
            recallCurve = Array(repeating: 0, count: flatCount)
            precisionCurve = Array(repeating: 0, count: flatCount)
        }
        let thresholdCount = parameters.iouThresholds.count
        let recallCount = parameters.recallThresholds.count
        let maxDetectionsCount = parameters.maxDetections.count
        var previousCount = -1
        for (maxIndex, maxDets) in parameters.maxDetections.enumerated() {
            selection.removeAll(keepingCapacity: true)
            for flat in order where Int(flatRank[Int(flat)]) < maxDets { selection.append(flat) }
            let count = selection.count
            // A larger cap that selects nothing more gives the same list, hence the same values.
            let reusesPrevious = count == previousCount
            previousCount = count
            for areaIndex in parameters.areaRanges.indices {
                let validCount = validGTCount[areaIndex]
                if validCount == 0 { continue }
                for thresholdIndex in 0..<thresholdCount {
                    let slot =
                        (areaIndex * maxDetectionsCount + maxIndex) * thresholdCount
                        + thresholdIndex
                    if reusesPrevious {
                        let previous = slot - thresholdCount
                        result.recall[slot] = result.recall[previous]
                        for r in 0..<recallCount {
                            result.precision[slot * recallCount + r] =
                                result.precision[previous * recallCount + r]
                        }
                        continue
                    }
                    let base = (areaIndex * thresholdCount + thresholdIndex) * flatCount
                    let npig = Double(validCount)
                    let truePositives = curves(
                        outcomes: outcomes, outcomeBase: base, count: count, npig: npig)
                    // pycocotools: the last recall, or 0 without detections.
                    result.recall[slot] = count > 0 ? Double(truePositives) / npig : 0
                    sample(into: &result.precision, at: slot * recallCount, count: truePositives)
                }
            }
        }
    }

    /// Fills `recallCurve`/`precisionCurve` with one entry per true positive of the current
    /// selection (recall `tp / npig`, precision `tp / ((fp + tp) + EPS)` at that position), makes the
    /// precision a running maximum from the right, and returns the number of true positives.
    ///
    /// pycocotools computes both curves at every position, but only true positives matter: recall
    /// rises only there, so every recall threshold above the first position's recall is first
    /// reached at a true positive; and a position after a true positive with the same `tp` and more
    /// false positives has a lower or equal precision, so it never raises the envelope. The
    /// envelope at the first position is the maximum over the true positives. The sampled values
    /// are therefore identical, with two divisions per true positive instead of per detection.
    private mutating func curves(
        outcomes: [UInt8], outcomeBase: Int, count: Int, npig: Double
    ) -> Int {
        let eps = Double.ulpOfOne
        return outcomes.withUnsafeBufferPointer { outcomes in
            selection.withUnsafeBufferPointer { selection in
                recallCurve.withUnsafeMutableBufferPointer { recall in
                    precisionCurve.withUnsafeMutableBufferPointer { precision in
                        let outcome = outcomes.baseAddress! + outcomeBase
                        var tp = 0
                        var fp = 0
                        for k in 0..<count {
                            let value = outcome[Int(selection[k])]
                            if value == Self.truePositive {
                                let tpValue = Double(tp + 1)
                                recall[tp] = tpValue / npig
                                precision[tp] = tpValue / ((Double(fp) + tpValue) + eps)
                                tp += 1
                            } else if value == Self.falsePositive {
                                fp += 1
                            }
                        }
                        var k = tp - 1
                        while k > 0 {
                            if precision[k] > precision[k - 1] { precision[k - 1] = precision[k] }
                            k -= 1
                        }
                        return tp
                    }
                }
            }
        }
    }

    /// Precision at each recall threshold: the envelope at the first true positive whose recall
    /// reaches it (numpy `searchsorted(side="left")` on the full curve), 0 when it is never reached.
    private func sample(into precision: inout [Double], at start: Int, count: Int) {
        var k = 0
        for (r, threshold) in parameters.recallThresholds.enumerated() {
            while k < count && recallCurve[k] < threshold { k += 1 }
            precision[start + r] = k < count ? precisionCurve[k] : 0
        }
    }
}
