extension COCOCategoryEvaluator {
    /// pycocotools `accumulate` for one category: for each area range and maxDets, merges the
    /// cells' first-maxDets detections in one stable descending-score order (ties: ascending image
    /// id, then per-image order), and samples the precision envelope at the recall thresholds.
    mutating func accumulate(into result: inout COCOCategoryResult) {
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
        let thresholdCount = parameters.iouThresholds.count
        let recallCount = parameters.recallThresholds.count
        let maxDetectionsCount = parameters.maxDetections.count
        for (maxIndex, maxDets) in parameters.maxDetections.enumerated() {
            selection.removeAll(keepingCapacity: true)
            for flat in order where Int(flatRank[Int(flat)]) < maxDets { selection.append(flat) }
            let count = selection.count
            for areaIndex in parameters.areaRanges.indices {
                let validCount = validGTCount[areaIndex]
                if validCount == 0 { continue }
                let npig = Double(validCount)
                for thresholdIndex in 0..<thresholdCount {
                    let base = (areaIndex * thresholdCount + thresholdIndex) * flatCount
                    let slot = (areaIndex * maxDetectionsCount + maxIndex) * thresholdCount
                        + thresholdIndex
                    result.recall[slot] = curves(outcomeBase: base, count: count, npig: npig)
                    sample(into: &result.precision, at: slot * recallCount, count: count)
                }
            }
        }
    }

    /// Fills `recallCurve`/`precisionCurve` for the current selection and returns the final recall
    /// (0 with no detections). Precision is `tp / ((fp + tp) + EPS)`, then made a running maximum
    /// from the right.
    private mutating func curves(outcomeBase: Int, count: Int, npig: Double) -> Double {
        if recallCurve.count < count {
            recallCurve = Array(repeating: 0, count: count)
            precisionCurve = Array(repeating: 0, count: count)
        }
        let eps = Double.ulpOfOne
        var tp = 0
        var fp = 0
        for k in 0..<count {
            let outcome = outcomes[outcomeBase + Int(selection[k])]
            if outcome == Self.truePositive {
                tp += 1
            } else if outcome == Self.falsePositive {
                fp += 1
            }
            let tpValue = Double(tp)
            recallCurve[k] = tpValue / npig
            precisionCurve[k] = tpValue / ((Double(fp) + tpValue) + eps)
        }
        if count == 0 { return 0 }
        var k = count - 1
        while k > 0 {
            if precisionCurve[k] > precisionCurve[k - 1] { precisionCurve[k - 1] = precisionCurve[k] }
            k -= 1
        }
        return recallCurve[count - 1]
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
