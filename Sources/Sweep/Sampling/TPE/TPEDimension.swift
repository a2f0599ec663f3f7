import Foundation

/// One searched hyperparameter as the TPE model sees it: a category index, or a number on the
/// scale its kernels live on (the log of the value for `log_uniform`, `q_log_uniform` and
/// `log_normal`). A `normal` or `log_normal` domain is searched over its truncation, as a
/// `uniform` or `log_uniform` one over `[min, max]`: the model replaces the prior.
struct TPEDimension: Sendable {
    enum Kind: Sendable {
        /// A `values:` list; encoded as the index of the value.
        case categorical([ParameterValue])
        /// A numeric range `[low, high]` on the kernel scale; `rounding` turns a sampled point
        /// back into a value of the domain.
        case numeric(low: Double, high: Double, rounding: Rounding)
    }

    /// How a point on the kernel scale becomes a value.
    enum Rounding: Sendable {
        case none
        case logarithm
        case integer
        case quantizedLogarithm(QuantizedRange)
    }

    let parameter: Hyperparameter
    let domain: ParameterDomain
    let kind: Kind

    init(_ parameter: Hyperparameter, _ domain: ParameterDomain) throws(TPEError) {
        self.parameter = parameter
        self.domain = domain
        switch domain {
        case .values(let values):
            guard !values.isEmpty else { throw .emptyDomain(parameter) }
            kind = .categorical(values)
        case .uniform(let low, let high):
            guard low <= high else { throw .emptyDomain(parameter) }
            kind = .numeric(low: low, high: high, rounding: .none)
        case .logUniform(let low, let high):
            guard low > 0 else { throw .nonPositiveLogBound(parameter, low) }
            guard low <= high else { throw .emptyDomain(parameter) }
            kind = .numeric(low: log(low), high: log(high), rounding: .logarithm)
        case .intUniform(let low, let high):
            guard low <= high else { throw .emptyDomain(parameter) }
            kind = .numeric(low: Double(low), high: Double(high), rounding: .integer)
        case .normal(_, let sigma):
            guard sigma > 0, let bounds = domain.normalBounds else { throw .emptyDomain(parameter) }
            kind = .numeric(low: bounds.lowerBound, high: bounds.upperBound, rounding: .none)
        case .logNormal(let mu, let sigma):
            guard sigma > 0 else { throw .emptyDomain(parameter) }
            let reach = ParameterDomain.normalTruncation * sigma
            kind = .numeric(low: mu - reach, high: mu + reach, rounding: .logarithm)
        case .qLogUniform(let low, let high, let q):
            guard low > 0 else { throw .nonPositiveLogBound(parameter, low) }
            guard q > 0, let range = QuantizedRange(min: low, max: high, q: q) else {
                throw .emptyDomain(parameter)
            }
            kind = .numeric(
                low: log(range.lowest), high: log(range.highest),
                rounding: .quantizedLogarithm(range))
        }
    }

    /// How many values the domain holds; `nil` when it is continuous.
    var finiteSize: Int? {
        switch kind {
        case .categorical(let values): values.count
        case .numeric(let low, let high, .integer): Int(high - low) + 1
        case .numeric(_, _, .quantizedLogarithm(let range)):
            Int(((range.highest - range.lowest) / range.q).rounded()) + 1
        case .numeric: nil
        }
    }

    /// `parameters`' value of this hyperparameter on the kernel scale; `nil` when it lies
    /// outside the domain (a history from another search space).
    func encode(_ parameters: TrialParameters) -> Double? {
        switch kind {
        case .categorical(let values):
            return values.firstIndex { value in
                var probe = parameters
                probe.set(parameter, to: value)
                return probe == parameters
            }.map(Double.init)
        case .numeric(let low, let high, let rounding):
            guard let raw = parameters.number(parameter) else { return nil }
            let point: Double
            switch rounding {
            case .none, .integer: point = raw
            case .logarithm, .quantizedLogarithm:
                guard raw > 0 else { return nil }
                point = log(raw)
            }
            let slack = 1e-9 * max(1, abs(high - low))
            guard point >= low - slack, point <= high + slack else { return nil }
            return min(max(point, low), high)
        }
    }

    /// The domain's value at `point` on the kernel scale (rounded for discrete domains).
    func decode(_ point: Double) -> ParameterValue {
        switch kind {
        case .categorical(let values):
            return values[min(max(Int(point.rounded()), 0), values.count - 1)]
        case .numeric(let low, let high, let rounding):
            let clamped = min(max(point, low), high)
            switch rounding {
            case .none:
                return .number(clamped)
            case .logarithm:
                return .number(exp(clamped))
            case .integer:
                return .integer(Int(clamped.rounded()))
            case .quantizedLogarithm(let range):
                let value = range.quantize(exp(clamped))
                return parameter == .batchSize ? .integer(Int(value.rounded())) : .number(value)
            }
        }
    }

    /// The value number `index` of a finite domain, in increasing order; `nil` when the
    /// domain is continuous.
    func value(at index: Int) -> ParameterValue? {
        switch kind {
        case .categorical(let values): values[index]
        case .numeric(let low, _, .integer): .integer(Int(low) + index)
        case .numeric(_, _, .quantizedLogarithm(let range)):
            decode(log(range.lowest + Double(index) * range.q))
        case .numeric: nil
        }
    }
}
