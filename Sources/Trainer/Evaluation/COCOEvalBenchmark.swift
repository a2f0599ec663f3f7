/// Times `COCOEvaluator.evaluate` (pycocotools' `evaluate()` + `accumulate()`: grouping, matching
/// and accumulation; not the summary) on one case.
public struct COCOEvalBenchmark: Sendable {
    /// Wall-clock seconds of each run, in run order.
    public var seconds: [Double]
    /// The 12 summary stats of the last run (for comparison with other evaluators).
    public var stats: [Double]

    /// The median of `seconds`.
    public var medianSeconds: Double {
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Runs the evaluation `runs` times.
    public static func run(
        groundTruth: COCOGroundTruth, detections: [COCODetection], runs: Int,
        evaluator: COCOEvaluator
    ) throws(COCOEvaluationError) -> COCOEvalBenchmark {
        precondition(runs > 0, "COCOEvalBenchmark: runs must be positive, got \(runs)")
        let clock = ContinuousClock()
        var seconds: [Double] = []
        var evaluation: COCOEvaluation?
        for _ in 0..<runs {
            let start = clock.now
            evaluation = try evaluator.evaluate(groundTruth: groundTruth, detections: detections)
            let elapsed = clock.now - start
            seconds.append(
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return COCOEvalBenchmark(seconds: seconds, stats: evaluation?.stats ?? [])
    }
}
