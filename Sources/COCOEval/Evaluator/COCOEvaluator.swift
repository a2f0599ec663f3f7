import Dispatch

/// pycocotools' `COCOeval` for bounding boxes (`evaluate()` + `accumulate()`), reproduced bit for
/// bit: greedy matching per (image, category) in descending score order with IoU ≥ threshold
/// (ties to the later gt), crowd gts as ignored regions, inclusive area ranges on the gt `area`
/// field, maxDets per image and category, the monotone precision envelope sampled at the recall
/// thresholds, and numpy's pairwise means in the summaries. The exact definition is in
/// `Tests/COCOEvalTests/Fixtures/cocoeval/SPEC.md`.
public struct COCOEvaluator: Sendable {
    /// The IoU thresholds, area ranges and maxDets to evaluate.
    public var parameters: COCOEvalParameters
    /// Evaluate categories concurrently. Results do not depend on it.
    public var isParallel: Bool

    public init(parameters: COCOEvalParameters = .coco, isParallel: Bool = true) {
        self.parameters = parameters
        self.isParallel = isParallel
    }

    /// Evaluates `detections` against `groundTruth`.
    ///
    /// Every category in `groundTruth.categoryIDs` is evaluated. Annotations on unknown images or
    /// categories and detections of unknown categories are dropped, as pycocotools does.
    /// - Throws: `COCOEvaluationError` for zero or duplicate annotation ids, a detection on an image
    ///   not in the ground truth, or a NaN score.
    public func evaluate(
        groundTruth: COCOGroundTruth, detections: [COCODetection]
    ) throws(COCOEvaluationError) -> COCOEvaluation {
        let index = try COCOEvalIndex(groundTruth: groundTruth, detections: detections)
        let prototype = COCOCategoryEvaluator(
            parameters: parameters,
            index: index,
            gtBoxes: groundTruth.annotations.map { COCOFlatBox($0.box) },
            gtAreas: groundTruth.annotations.map(\.area),
            gtCrowd: groundTruth.annotations.map(\.isCrowd),
            detectionBoxes: detections.map { COCOFlatBox($0.box) },
            detectionScores: detections.map(\.score))
        let categoryCount = index.categoryIDs.count
        var results = [COCOCategoryResult?](repeating: nil, count: categoryCount)
        if isParallel && categoryCount > 1 {
            results.withUnsafeMutableBufferPointer { buffer in
                // Each iteration writes only its own slot.
                nonisolated(unsafe) let output = buffer
                DispatchQueue.concurrentPerform(iterations: categoryCount) { category in
                    var evaluator = prototype
                    output[category] = evaluator.evaluate(category: category)
                }
            }
        } else {
            var evaluator = prototype
            for category in 0..<categoryCount {
                results[category] = evaluator.evaluate(category: category)
            }
        }
        return COCOEvaluation(
            parameters: parameters, categoryIDs: index.categoryIDs, categories: results.map { $0! })
    }
}
