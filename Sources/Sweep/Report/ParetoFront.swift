import Trainer

/// The trials no other trial beats on both objective (its score: higher) and training seconds
/// (lower).
///
/// Only completed trials take part: a pruned trial's seconds are what it cost until it was
/// stopped, not what its config costs to train.
public enum ParetoFront {
    /// The front of the completed `points` with training seconds, fastest first. A trial is on
    /// it when every faster-or-equal trial has a strictly worse objective; of equal points the
    /// lowest plan index is kept.
    public static func front(_ points: [ObjectivePoint]) -> [ObjectivePoint] {
        let timed = points.filter { $0.seconds != nil && $0.state == .completed }.sorted { a, b in
            let (x, y) = (a.seconds ?? 0, b.seconds ?? 0)
            if x != y { return x < y }
            if a.score != b.score { return a.score > b.score }
            return a.trial < b.trial
        }
        var front: [ObjectivePoint] = []
        var best = -Double.infinity
        for point in timed where point.score > best {
            front.append(point)
            best = point.score
        }
        return front
    }
}

extension ParetoFront {
    /// The ranked trials on the front of `objective` against training seconds, fastest first.
    public static func front(
        _ ranking: [RankedTrial], objective: Objective
    ) -> [RankedTrial] {
        let byIndex = Dictionary(ranking.map { ($0.trial.index, $0) }) { first, _ in first }
        return front(ObjectivePoint.points(ranking, objective: objective)).compactMap {
            byIndex[$0.trial]
        }
    }
}
