import Trainer

/// Orders a sweep's trials, best first.
///
/// Which trials: `completed` and `pruned` trials that have metrics. Diverged, failed, timed-out,
/// queued, running and interrupted trials are not ranked.
///
/// Order: the objective (``SweepSpec/objective``, `ap_small` by default) best first (descending,
/// or ascending for `goal: minimize`), then
/// `ap_small`, `ap50_small` and `ap` descending, then plan index ascending, so equal metrics always give the same order. An undefined value (pycocotools'
/// `-1`, or NaN) sorts after every defined value of that key; two undefined values tie and the next
/// key decides.
///
/// Pruned trials are ranked by the same key, using their final metrics when the worker reported a
/// result and their last stored epoch's metrics otherwise; they are not moved to the end, since
/// their metrics after fewer epochs are a lower bound of what they would have reached, and callers
/// mark them (``RankedTrial/isPruned``) so the reader sees they trained less.
public enum Ranking {
    /// The states that take part in the ranking.
    public static let rankedStates: Set<TrialState> = [.completed, .pruned]

    /// Ranks `trials` by `objective` first (see the type's documentation for the order); ranks
    /// are 1-based and unique.
    public static func rank(
        _ trials: [TrialRecord], objective: Objective = .default
    ) -> [RankedTrial] {
        let candidates = trials.compactMap { trial -> (TrialRecord, DetectionMetrics)? in
            guard rankedStates.contains(trial.state), let metrics = trial.metrics else {
                return nil
            }
            return (trial, metrics)
        }
        let ordered = candidates.sorted { a, b in
            precedes(
                RankKey(metrics: a.1, index: a.0.index, objective: objective),
                RankKey(metrics: b.1, index: b.0.index, objective: objective))
        }
        return ordered.enumerated().map { offset, candidate in
            RankedTrial(rank: offset + 1, trial: candidate.0, metrics: candidate.1)
        }
    }

    /// Whether `a` ranks strictly before `b`: a strict total order on distinct plan indices.
    public static func precedes(_ a: RankKey, _ b: RankKey) -> Bool {
        if a.objective != b.objective {
            return a.objective > b.objective
        }
        let pairs = [(a.apSmall, b.apSmall), (a.ap50Small, b.ap50Small), (a.ap, b.ap)]
        for (x, y) in pairs {
            if let better = better(x, y) {
                return better
            }
        }
        return a.index < b.index
    }

    /// Whether `x` beats `y` as a metric; nil on a tie (equal, or both undefined).
    private static func better(_ x: Double, _ y: Double) -> Bool? {
        let xDefined = isDefined(x)
        let yDefined = isDefined(y)
        if xDefined != yDefined {
            return xDefined
        }
        if !xDefined || x == y {
            return nil
        }
        return x > y
    }

    /// A metric is defined when it is a number ≥ 0 (pycocotools writes -1 for "no ground truth").
    public static func isDefined(_ value: Double) -> Bool {
        value >= 0
    }
}
