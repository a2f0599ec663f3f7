import Foundation
import Trainer

/// Tree-structured Parzen Estimator: proposes the next trial from the history so far, following
/// Optuna's `TPESampler`. The objective is maximised.
///
/// Until ``TPESettings/startupTrials`` trials have been proposed
/// (``TPESettings/isStartingUp(after:)``), a proposal is a uniform draw (``RandomSampler``'s
/// domains). Then the history is ranked (completed by value,
/// then pruned — see ``TPEObservation/State`` — then, with ``TPESettings/constantLiar``,
/// running trials as the worst); the best ``TPESettings/goodCount(of:)`` form l(x), the rest
/// g(x), each a ``ParzenEstimator``. ``TPESettings/eiCandidates`` points are drawn from l(x)
/// and the one with the largest log l(x) - log g(x) wins. Independently per parameter by
/// default; with ``TPESettings/multivariate``, one joint estimator. In a finite space (every
/// domain a list, an integer range or quantised) a point already in the history is never
/// proposed: the best unseen candidate wins, or, if all candidates were seen, the best unseen
/// point of the whole space. History entries outside the space are ignored. Deterministic:
/// the draws for trial `i` come from `SplitMix64(seed:stream:)`, so the same seed and
/// history give the same proposal.
///
/// Conditional parameters (`conditions`, from `when:`) are set only where their condition
/// holds. As in Optuna's independent TPE, each parameter is its own 1-D problem: its l(x) and
/// g(x) are fitted to the good and bad trials in which it was active, and a candidate is scored
/// only on the parameters active in it. With conditions, `multivariate` falls back to this
/// independent mode.
public struct TPESampler: Sendable {
    public var settings: TPESettings

    public init(settings: TPESettings = TPESettings()) {
        self.settings = settings
    }

    /// The next trial's parameters; hyperparameters not in `space` keep `defaults`' values, and
    /// conditional ones whose condition fails are left unset.
    public func propose(
        space: [Hyperparameter: ParameterDomain],
        conditions: [Hyperparameter: ParameterCondition] = [:], defaults: TrialParameters,
        history: [TPEObservation], seed: UInt64, trialIndex: Int
    ) throws(TPEError) -> TrialParameters {
        try TPEObservation.requireFiniteValues(history)
        let search = try TPESearch(
            space: space, conditions: conditions, defaults: defaults, history: history)
        var generator = SplitMix64(seed: seed, stream: UInt64(trialIndex))
        guard !settings.isStartingUp(after: history) else {
            return try search.randomUnseen(&generator)
        }
        let (good, bad) = Self.split(history: history, constantLiar: settings.constantLiar)
        return try search.best(good: good, bad: bad, settings: settings, &generator)
    }

    /// The history ranked best first, cut into the good `goodCount(of: n)` and the rest.
    /// Running trials take part only with `constantLiar`: they count towards n but are
    /// always bad (Optuna's `_split_trials`); failed trials never take part. Each part keeps the
    /// history's order (oldest first), which the estimators' weights rely on.
    static func split(
        history: [TPEObservation], constantLiar: Bool
    ) -> (good: [TrialParameters], bad: [TrialParameters]) {
        let considered = history.indices.filter {
            history[$0].state != .failed && (constantLiar || history[$0].state != .running)
        }
        let ranked = considered.sorted { lhs, rhs in
            let left = rank(history[lhs].state)
            let right = rank(history[rhs].state)
            return left != right ? left < right : lhs < rhs
        }
        let goodSet = Set(
            ranked.prefix(TPESettings.goodCount(of: ranked.count)).filter {
                history[$0].state != .running
            })
        let good = considered.filter { goodSet.contains($0) }.map { history[$0].parameters }
        let bad = considered.filter { !goodSet.contains($0) }.map { history[$0].parameters }
        return (good, bad)
    }

    /// A sort key where smaller is better: completed by value, pruned by step then value,
    /// running last.
    private static func rank(_ state: TPEObservation.State) -> RankKey {
        switch state {
        case .completed(let value): RankKey(tier: 0, step: 0, value: -value)
        case .pruned(let step, let value): RankKey(tier: 1, step: -step, value: -value)
        case .running, .failed: RankKey(tier: 2, step: 0, value: 0)
        }
    }

    private struct RankKey: Comparable {
        let tier: Int
        let step: Int
        let value: Double

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.tier, lhs.step, lhs.value) < (rhs.tier, rhs.step, rhs.value)
        }
    }
}
