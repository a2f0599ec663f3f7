/// Every combination of the parameters' `values`, in a stable order.
///
/// Order: `lr` outermost, then `weight_decay`, `batch_size`, and `loss` innermost (each in the
/// order its values are written); a parameter not searched takes the trainer's value. Every trial
/// trains with the sweep's seed, so trials differ only by their hyperparameters, and a re-run of
/// the same file gives the same keys. Keys hash sweep name + parameters + seed. A conditional
/// parameter (`when:`) comes after the unconditional ones and multiplies only the points where
/// it is active; the others leave it unset.
public struct GridSampler: Sampler {
    public init() {}

    public func trials(for spec: SweepSpec) -> [TrialConfig] {
        var points = [TrialParameters(defaults: spec.trainer)]
        for parameter in spec.samplingOrder {
            guard case .values(let values)? = spec.parameters[parameter] else {
                preconditionFailure("grid over a distribution for \(parameter.rawValue)")
            }
            points = points.flatMap { point in
                guard spec.isActive(parameter, in: point) else { return [point] }
                return values.map { value in
                    var next = point
                    next.set(parameter, to: value)
                    return next
                }
            }
        }
        return points.enumerated().map { index, parameters in
            var training = parameters.applied(to: spec.trainer)
            training.seed = spec.seed
            return TrialConfig(
                index: index,
                key: TrialKey.make(sweep: spec.name, parameters: parameters, seed: spec.seed),
                parameters: parameters, seed: spec.seed, training: training)
        }
    }
}
