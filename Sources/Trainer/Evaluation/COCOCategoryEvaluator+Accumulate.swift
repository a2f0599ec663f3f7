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
                    result.recall[slot] = curves(
                        outcomes: outcomes, outcomeBase: base, count: count,
                        npig: Double(validCount))
                    sample(into: &result.precision, at: slot * recallCount, count: count)
                }
            }
        }
    }

    /// Fills `recallCurve`/`precisionCurve` for the current selection and returns the final recall
    /// (0 with no detections). Precision is `tp / ((fp + tp) + EPS)`, then made a running maximum
    /// from the right.
    private mutating func curves(
        outcomes: [UInt8], outcomeBase: Int, count: Int, npig: Double
    ) -> Double {
        if count == 0 { return 0 }
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
                            tp += value == Self.truePositive ? 1 : 0
                            fp += value == Self.falsePositive ? 1 : 0
                            let tpValue = Double(tp)
                            recall[k] = tpValue / npig
                            precision[k] = tpValue / ((Double(fp) + tpValue) + eps)
                        }
                        var k = count - 1
                        while k > 0 {
                            if precision[k] > precision[k - 1] { precision[k - 1] = precision[k] }
                            k -= 1
                        }
                        return recall[count - 1]
                    }
                }
            }
        }
    }

    /// Precision at each recall threshold: the envelope at the first position whose recall reaches
    /// it (numpy `searchsorted(side="left")`), 0 when it is never reached.
    private func sample(into precision: inout [Double], at start: Int, count: Int) {
        var k = 0
        for (r, threshold) in parameters.recallThresholds.enumerated() {
            while k < count && recallCurve[k] < threshold { k += 1 }
            precision[start + r] = k < count ? precisionCurve[k] : 0
        }
    }
}
