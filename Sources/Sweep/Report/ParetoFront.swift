import Trainer

/// The trials no other trial beats on both objective (higher) and training seconds (lower).
///
/// Only completed trials take part: a pruned trial's seconds are what it cost until it was
/// stopped, not what its config costs to train.
public enum ParetoFront {
    /// The front of the completed `points` with training seconds, fastest first. A trial is on
    /// it when every faster-or-equal trial has a strictly lower objective; of equal points the
    /// lowest plan index is kept.
    public static func front(_ points: [ObjectivePoint]) -> [ObjectivePoint] {
        let timed = points.filter { $0.seconds != nil && $0.state == .completed }.sorted { a, b in
            let (x, y) = (a.seconds ?? 0, b.seconds ?? 0)
            if x != y { return x < y }
            if a.objective != b.objective { return a.objective > b.objective }
            return a.trial < b.trial
        }
        var front: [ObjectivePoint] = []
        var best = -Double.infinity
        for point in timed where point.objective > best {
            front.append(point)
            best = point.objective
        }
        return front
    }
}

extension ParetoFront {
    /// The ranked trials on the front of `objective` against training seconds, fastest first.
    public static func front(
        _ ranking: [RankedTrial], objective: DetectionMetric
    ) -> [RankedTrial] {
        let byIndex = Dictionary(ranking.map { ($0.trial.index, $0) }) { first, _ in first }
        return front(ObjectivePoint.points(ranking, objective: objective)).compactMap {
            byIndex[$0.trial]
        }
    }
}
