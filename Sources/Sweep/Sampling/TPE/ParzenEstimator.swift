import Foundation
import Trainer

/// A weighted mixture of kernels, one per observed point plus one prior kernel, over one or more
/// ``TPEDimension``s — Optuna's `_ParzenEstimator`.
///
/// Numeric dimensions get ``TruncatedNormal`` kernels on the kernel scale. Bandwidths:
/// univariate, each kernel's σ is the larger gap to its neighbours among the sorted means (the
/// prior's mean, the domain's middle, included; the outermost kernels use their inner gap);
/// multivariate, every kernel gets `0.2 · n^(-1/(d+4)) · (high - low)`. σ is then clipped to
/// `[(high - low) / min(100, n + 2), high - low]` (Optuna's "magic clip"). The prior kernel sits
/// in the middle with σ = high - low. Categorical dimensions: with `n + 1` kernels and prior
/// weight `p`, an observed kernel gives its category `1 + p/(n+1)` and every category
/// `p/(n+1)`, normalised; the prior kernel is uniform. Mixture weights are 1 per observation
/// (Optuna's ramp for more than 25 points: the oldest get less) and `p` for the prior, normalised.
struct ParzenEstimator: Sendable {
    enum Kernels: Sendable {
        case numeric([TruncatedNormal])
        /// Row `k`: the category probabilities of kernel `k`.
        case categorical([[Double]])
    }

    let dimensions: [TPEDimension]
    /// Per dimension, one kernel per observation then the prior kernel.
    let kernels: [Kernels]
    /// log of the normalised mixture weights, observations first, prior last.
    let logWeights: [Double]

    /// `points[i][d]` is observation `i` on dimension `d`'s kernel scale, oldest first.
    init(
        dimensions: [TPEDimension], points: [[Double]], priorWeight: Double, multivariate: Bool
    ) {
        self.dimensions = dimensions
        let count = points.count
        let weights = Self.observationWeights(count: count) + [priorWeight]
        let total = weights.reduce(0, +)
        logWeights = weights.map { log($0 / total) }
        kernels = dimensions.enumerated().map { column, dimension in
            let observed = points.map { $0[column] }
            switch dimension.kind {
            case .categorical(let values):
                let share = priorWeight / Double(count + 1)
                let rows = observed.map { index in
                    var row = [Double](repeating: share, count: values.count)
                    row[Int(index)] += 1
                    return row
                }
                let uniform = [Double](repeating: share, count: values.count)
                return .categorical(
                    (rows + [uniform]).map { row in
                        let sum = row.reduce(0, +)
                        return row.map { $0 / sum }
                    })
            case .numeric(let low, let high, _):
                let sigmas =
                    multivariate
                    ? [Double](
                        repeating: 0.2
                            * pow(Double(max(count, 1)), -1 / Double(dimensions.count + 4))
                            * (high - low), count: count)
                    : Self.neighbourSigmas(observed, low: low, high: high)
                let minimum = (high - low) / min(100, Double(count + 2))
                let kernels = zip(observed, sigmas).map { mean, sigma in
                    TruncatedNormal(
                        mean: mean, sigma: Self.clip(sigma, minimum, high - low), low: low,
                        high: high)
                }
                let prior = TruncatedNormal(
                    mean: (low + high) / 2, sigma: Self.clip(high - low, minimum, high - low),
                    low: low, high: high)
                return .numeric(kernels + [prior])
            }
        }
    }

    /// Optuna's `default_weights`: 1 each up to 25 points; beyond, the newest 25 keep 1 and the
    /// older ones ramp linearly from `1/n` up to 1.
    static func observationWeights(count: Int) -> [Double] {
        guard count >= 25 else { return [Double](repeating: 1, count: count) }
        let ramped = count - 25
        let ramp = (0..<ramped).map { index in
            ramped == 1
                ? 1 / Double(count)
                : 1 / Double(count) + (1 - 1 / Double(count)) * Double(index) / Double(ramped - 1)
        }
        return ramp + [Double](repeating: 1, count: 25)
    }

    /// log of the mixture's density (probability for categorical dimensions) at `point`.
    func logDensity(_ point: [Double]) -> Double {
        var terms = logWeights
        for (column, kernels) in kernels.enumerated() {
            let x = point[column]
            switch kernels {
            case .numeric(let normals):
                for k in terms.indices { terms[k] += normals[k].logDensity(x) }
            case .categorical(let rows):
                for k in terms.indices { terms[k] += log(rows[k][Int(x)]) }
            }
        }
        let peak = terms.max() ?? -.infinity
        guard peak.isFinite else { return peak }
        return peak + log(terms.reduce(0) { $0 + exp($1 - peak) })
    }

    /// One point: a kernel picked by weight, then each dimension drawn from that kernel.
    func sample(_ generator: inout SplitMix64) -> [Double] {
        let kernel = Self.pick(logWeights.map(exp), &generator)
        return kernels.map { kernels in
            switch kernels {
            case .numeric(let normals): normals[kernel].sample(&generator)
            case .categorical(let rows): Double(Self.pick(rows[kernel], &generator))
            }
        }
    }

    /// Larger gap to a neighbour among the sorted means with the prior's, for each observation.
    private static func neighbourSigmas(_ means: [Double], low: Double, high: Double) -> [Double] {
        let all = means + [(low + high) / 2]
        let order = all.indices.sorted { all[$0] < all[$1] }
        let sorted = [low] + order.map { all[$0] } + [high]
        var sigmas = [Double](repeating: 0, count: all.count)
        for (rank, index) in order.enumerated() {
            let position = rank + 1
            var sigma = max(
                sorted[position] - sorted[position - 1], sorted[position + 1] - sorted[position])
            if sorted.count >= 4, rank == 0 { sigma = sorted[2] - sorted[1] }
            if sorted.count >= 4, rank == order.count - 1 {
                sigma = sorted[sorted.count - 2] - sorted[sorted.count - 3]
            }
            sigmas[index] = sigma
        }
        return Array(sigmas.prefix(means.count))
    }

    private static func clip(_ value: Double, _ low: Double, _ high: Double) -> Double {
        min(max(value, low), high)
    }

    /// An index drawn with probability proportional to `weights`.
    private static func pick(_ weights: [Double], _ generator: inout SplitMix64) -> Int {
        var remaining = generator.nextUnit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }
}
