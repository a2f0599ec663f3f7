import Foundation
import Trainer

/// Where ``BayesSampler`` looks for the point of largest log expected improvement.
///
/// A finite space of at most ``enumerationLimit`` points: every point not in the history,
/// scored exactly. Otherwise, as Optuna's `optimize_acqf_mixed`: ``preliminarySamples``
/// uniform draws, then a local search from the best ``localSearchStarts`` of them: each
/// coordinate in turn, every category of a `values:` list, and steps of ±0.1, ±0.03, ±0.01
/// and ±0.003 of a numeric range, keeping any move that scores higher. Points are rounded to
/// their domains before they are scored; a point in the history is never chosen (in a
/// continuous space a move to a bound can land on one).
struct BayesAcquisition: Sendable {
    static let enumerationLimit = 20_000
    static let preliminarySamples = 2_048
    static let localSearchStarts = 10
    static let steps = [0.1, 0.03, 0.01, 0.003]

    let search: TPESearch
    let encoding: BayesEncoding

    /// The proposal: the best-scoring candidate.
    func best(
        process: GaussianProcess, threshold: Double, _ generator: inout SplitMix64
    ) throws(TPEError) -> TrialParameters {
        let score = { (point: [Double]) -> Double in
            let (mean, variance) = process.posterior(encoding.unit(point))
            return LogExpectedImprovement.value(
                mean: mean, variance: variance, threshold: threshold)
        }
        if let size = search.finiteSize, size <= Self.enumerationLimit {
            let unseen = try search.enumerateUnseen()
            return search.parameters(at: Self.argmax(unseen, score))
        }
        var candidates: [[Double]] = []
        for _ in 0..<Self.preliminarySamples {
            let drawn = try search.randomUnseen(&generator)
            if let point = search.encode(drawn) { candidates.append(point) }
        }
        let scores = candidates.map(score)
        let starts = candidates.indices.sorted { scores[$0] > scores[$1] }
            .prefix(Self.localSearchStarts).map { (candidates[$0], scores[$0]) }
        let refined = starts.map { refine($0.0, $0.1, score) }.filter {
            !search.seen.contains($0.point)
        }
        if refined.isEmpty { return try search.randomUnseen(&generator) }
        let best = refined.indices.max { refined[$0].score < refined[$1].score } ?? 0
        return search.parameters(at: refined[best].point)
    }

    /// Coordinate-wise hill climbing from `start` (kernel scale).
    private func refine(
        _ start: [Double], _ startScore: Double, _ score: ([Double]) -> Double
    ) -> (point: [Double], score: Double) {
        var point = start
        var value = startScore
        for step in Self.steps {
            for (column, dimension) in encoding.dimensions.enumerated() where point[column].isFinite
            {
                var moves: [[Double]] = []
                switch dimension.kind {
                case .categorical(let values):
                    guard step == Self.steps[0] else { continue }
                    moves = values.indices.map { index in
                        var moved = point
                        moved[column] = Double(index)
                        return moved
                    }
                case .numeric:
                    var unit = encoding.unit(point)
                    let center = unit[column]
                    moves = [center - step, center + step].map { x in
                        unit[column] = min(max(x, 0), 1)
                        return encoding.kernelScale(unit)
                    }
                }
                for move in moves {
                    let candidate = search.canonical(move)
                    guard candidate != point, !search.seen.contains(candidate) else { continue }
                    let candidateScore = score(candidate)
                    if candidateScore > value {
                        point = candidate
                        value = candidateScore
                    }
                }
            }
        }
        return (point, value)
    }

    /// The first of `points` with the largest score.
    private static func argmax(_ points: [[Double]], _ score: ([Double]) -> Double) -> [Double] {
        var best = points[0]
        var bestScore = -Double.infinity
        for point in points {
            let value = score(point)
            if value > bestScore {
                best = point
                bestScore = value
            }
        }
        return best
    }
}
