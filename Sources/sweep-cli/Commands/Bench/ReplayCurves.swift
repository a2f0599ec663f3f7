import ArgumentParser
import Sweep

/// The learning curves `bench asha` and `bench search --db` replay: those of a sweep ranked by
/// an AP or AR metric, whose scale (undefined -1, higher is better) the replays assume.
enum ReplayCurves {
    static func load(_ store: SQLiteTrialStore, sweep: String) throws -> [LearningCurve] {
        let objective = try store.objective(sweep: sweep)
        guard objective.detectionMetric != nil else {
            throw ValidationError(
                "sweep '\(sweep)' is ranked by \(objective), a metric of its program's own; "
                    + "the replay benchmarks take sweeps ranked by an AP or AR metric")
        }
        return try store.learningCurves(sweep: sweep, objective: objective)
    }
}
