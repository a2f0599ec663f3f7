import Foundation
import Trainer

/// `max_trials` independent draws from the parameters' domains, reproducible from the seed.
///
/// Trial `i` draws from its own stream, `SplitMix64(seed:stream: i)`, one value per searched
/// parameter in the order `lr`, `weight_decay`, `batch_size`, `loss`; so
/// raising `max_trials` keeps the earlier trials. Domains: categorical uniform over the values;
/// `uniform` linear; `log_uniform` uniform in log space; `int_uniform` inclusive of both ends;
/// `q_log_uniform` log-uniform then rounded to a multiple of `q` inside `[min, max]`; `normal`
/// Gaussian within mu ± 3 sigma, `log_normal` its `exp`. Every trial
/// trains with the sweep's seed. Two draws may coincide, so the key also hashes the index.
/// Conditional parameters (`when:`) are drawn after the others, and only when active, so an
/// inactive one consumes no draw.
public struct RandomSampler: Sampler {
    public init() {}

    public func trials(for spec: SweepSpec) -> [TrialConfig] {
        let count = spec.maxTrials ?? 0
        return (0..<count).map { index in
            var generator = SplitMix64(seed: spec.seed, stream: UInt64(index))
            var parameters = TrialParameters(defaults: spec.trainer)
            for parameter in spec.samplingOrder {
                guard let domain = spec.parameters[parameter],
                    spec.isActive(parameter, in: parameters)
                else { continue }
                parameters.set(
                    parameter, to: Self.draw(domain, integer: parameter == .batchSize, &generator))
            }
            var training = parameters.applied(to: spec.trainer)
            training.seed = spec.seed
            return TrialConfig(
                index: index,
                key: TrialKey.make(
                    sweep: spec.name, parameters: parameters, seed: spec.seed, index: index),
                parameters: parameters, seed: spec.seed, training: training)
        }
    }

    /// One sample of `domain`.
    static func draw(
        _ domain: ParameterDomain, integer: Bool, _ generator: inout SplitMix64
    ) -> ParameterValue {
        switch domain {
        case .values(let values):
            return values[generator.nextIndex(below: values.count)]
        case .uniform(let low, let high):
            return .number(min(low + generator.nextUnit() * (high - low), high))
        case .logUniform(let low, let high):
            return .number(logUniform(low, high, &generator))
        case .intUniform(let low, let high):
            return .integer(low + generator.nextIndex(below: high - low + 1))
        case .qLogUniform(let low, let high, let q):
            guard let range = QuantizedRange(min: low, max: high, q: q) else {
                preconditionFailure("q_log_uniform without a multiple of q reached the sampler")
            }
            let value = range.quantize(logUniform(low, high, &generator))
            return integer ? .integer(Int(value.rounded())) : .number(value)
        case .normal(let mu, let sigma):
            return .number(mu + sigma * truncatedGaussian(&generator))
        case .logNormal(let mu, let sigma):
            return .number(exp(mu + sigma * truncatedGaussian(&generator)))
        }
    }

    /// A standard Gaussian draw (Box–Muller) inside ±``ParameterDomain/normalTruncation``;
    /// draws outside are drawn again.
    private static func truncatedGaussian(_ generator: inout SplitMix64) -> Double {
        while true {
            let radius = (-2 * log(1 - generator.nextUnit())).squareRoot()
            let z = radius * cos(2 * Double.pi * generator.nextUnit())
            if abs(z) <= ParameterDomain.normalTruncation { return z }
        }
    }

    private static func logUniform(
        _ low: Double, _ high: Double, _ generator: inout SplitMix64
    ) -> Double {
        let value = exp(log(low) + generator.nextUnit() * (log(high) - log(low)))
        return min(max(value, low), high)
    }
}
