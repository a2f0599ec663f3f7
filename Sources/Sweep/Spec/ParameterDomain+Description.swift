extension ParameterValue: CustomStringConvertible {
    /// The value as written in a sweep file: `0.001`, `32`, `focal`.
    public var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .integer(let number): "\(number)"
        case .text(let text): text
        }
    }
}

extension ParameterDomain: CustomStringConvertible {
    /// A one-line summary: `values [16, 32]`, `log_uniform [0.0001, 0.1]`,
    /// `q_log_uniform [16.0, 128.0] q 8.0`, `normal mu 0.5 sigma 0.1, truncated to [0.2, 0.8]`.
    public var description: String {
        switch self {
        case .values(let values):
            "values [\(values.map(\.description).joined(separator: ", "))]"
        case .uniform(let low, let high): "uniform [\(low), \(high)]"
        case .logUniform(let low, let high): "log_uniform [\(low), \(high)]"
        case .intUniform(let low, let high): "int_uniform [\(low), \(high)]"
        case .qLogUniform(let low, let high, let q): "q_log_uniform [\(low), \(high)] q \(q)"
        case .normal(let mu, let sigma), .logNormal(let mu, let sigma):
            "\(self.isLog ? "log_normal" : "normal") mu \(mu) sigma \(sigma), truncated to "
                + "[\(normalBounds!.lowerBound), \(normalBounds!.upperBound)]"
        }
    }

    /// Whether the domain is `log_normal`.
    private var isLog: Bool {
        if case .logNormal = self { return true }
        return false
    }

    /// How many distinct values a grid takes from this domain (`nil` for a distribution).
    public var gridCount: Int? {
        guard case .values(let values) = self else { return nil }
        return values.count
    }
}
