import COCOEval

/// Times `COCOEvaluator.evaluate` (pycocotools' `evaluate()` + `accumulate()`: grouping, matching
/// and accumulation; not the summary) on one case.
public struct COCOEvalBenchmark: Sendable {
    /// Wall-clock seconds of each run, in run order.
    public var seconds: [Double]
    /// The 12 summary stats of the last run (for comparison with other evaluators).
    public var stats: [Double]

    /// The median of `seconds`.
    public var medianSeconds: Double { Median.of(seconds) }

    /// Runs the evaluation `runs` times.
    public static func run(
        groundTruth: COCOGroundTruth, detections: [COCODetection], runs: Int,
        evaluator: COCOEvaluator
    ) throws(COCOEvaluationError) -> COCOEvalBenchmark {
        var evaluation: COCOEvaluation?
        let seconds = try measure(runs: runs) { () throws(COCOEvaluationError) in
            evaluation = try evaluator.evaluate(groundTruth: groundTruth, detections: detections)
        }
        return COCOEvalBenchmark(seconds: seconds, stats: evaluation?.stats ?? [])
    }

    /// Times `COCOEvaluator.metrics` (the COCO and the AI-TOD evaluations plus the summaries, what
    /// the trainer runs after each epoch) `runs` times.
    public static func runMetrics(
        groundTruth: COCOGroundTruth, detections: [COCODetection], runs: Int
    ) throws -> COCOEvalBenchmark {
        var metrics: DetectionMetrics?
        let seconds = try measure(runs: runs) {
            metrics = try COCOEvaluator.metrics(groundTruth: groundTruth, detections: detections)
        }
        let stats = metrics.map {
            [
                $0.ap, $0.ap50, $0.ap75, $0.apSmall, $0.apMedium, $0.apLarge, $0.ar1, $0.ar10,
                $0.ar100, $0.arSmall, $0.arMedium, $0.arLarge,
            ]
        }
        return COCOEvalBenchmark(seconds: seconds, stats: stats ?? [])
    }

    /// Wall-clock seconds of `runs` calls of `body`.
    private static func measure<E: Error>(
        runs: Int, _ body: () throws(E) -> Void
    ) throws(E) -> [Double] {
        precondition(runs > 0, "COCOEvalBenchmark: runs must be positive, got \(runs)")
        let clock = ContinuousClock()
        var seconds: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            try body()
            let elapsed = clock.now - start
            seconds.append(
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return seconds
    }
}
