import Foundation
import Trainer

extension CommandTrainer {
    /// A finished run of trial `config`, checked and scored: with `metrics: stdout`, a
    /// completed result must hold the sweep's objective; with `predictions:`, a run that exited
    /// 0 is scored from its detections file (its own `result` line is ignored). A result without
    /// `seconds` gets the run's wall-clock `seconds`; a completed one without `epochs`, the
    /// trial's epochs. A problem found here fails the trial
    /// (as a worker error: the same program would fail the same way again).
    func complete(
        _ attempt: TrialAttempt, config: TrialConfig, spec: SweepSpec, trialsRoot: String,
        seconds: Double
    ) -> TrialAttempt {
        var attempt = attempt
        switch metrics {
        case .stdout:
            if let result = attempt.result, result.status == .completed,
                (result.metrics?[spec.objective]).map({ $0.isNaN }) ?? true
            {
                attempt.result = nil
                attempt.workerError =
                    "the result line reports no '\(spec.objective.name)' (the sweep's objective)"
            }
        case .predictions(let file, let groundTruth):
            attempt.result = nil
            guard attempt.stopReason == nil, attempt.workerError == nil,
                attempt.exit?.isSuccess == true
            else { break }
            let folder = Self.trialDirectory(
                root: trialsRoot, sweep: spec.name, index: config.index)
            let values = Self.values(
                for: config, sweep: spec.name, trialDirectory: folder,
                searched: spec.parameters.keys)
            do {
                let path = try CommandTemplate.fill(file, values)
                let resolved = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workdir))
                let metrics = try Self.score(
                    predictions: resolved.absoluteURL, groundTruth: groundTruth)
                attempt.result = TrainingResult(
                    status: .completed, epochs: attempt.epochsReached, metrics: metrics,
                    seconds: seconds, imagesPerSecond: 0)
            } catch {
                attempt.workerError = "scoring the predictions: \(error)"
            }
        }
        if attempt.result?.seconds == 0 {
            attempt.result?.seconds = seconds
        }
        if attempt.result?.status == .completed, attempt.result?.epochs == 0 {
            attempt.result?.epochs = max(attempt.epochsReached, config.training.epochs)
        }
        return attempt
    }

    /// The metrics of the COCO detections at `predictions` against the ground truth at
    /// `groundTruth` (the 12 COCO numbers, AP50 small and the AI-TOD ranges).
    public static func score(predictions: URL, groundTruth: String) throws -> DetectionMetrics {
        let truth = try COCOJSONReader.readGroundTruth(at: URL(fileURLWithPath: groundTruth))
        let detections = try COCOJSONReader.readDetections(at: predictions, groundTruth: truth)
        return try COCOEvaluator.metrics(groundTruth: truth, detections: detections)
    }
}
