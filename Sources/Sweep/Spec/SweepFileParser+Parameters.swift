import Foundation
import Trainer
import Yams

extension SweepFileParser {
    static let parameterKeys = [
        "values", "value", "distribution", "min", "max", "q", "mu", "sigma", "when",
    ]

    /// The searched parameters; with `commandTrainer`, a name that is not built in is a
    /// parameter of the program (``Hyperparameter/program(_:)``), unless a placeholder every
    /// trial fills (`epochs`, `seed`, …) has that name.
    func parseParameters(
        _ entry: SweepFileEntry, method: SearchMethod, commandTrainer: Bool
    ) throws(SweepFileError) -> [Hyperparameter: ParameterDomain] {
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        guard !entries.isEmpty else {
            throw nodes.error(.noParameters, at: entry.keyNode, entry.keyPath)
        }
        var domains: [Hyperparameter: ParameterDomain] = [:]
        for parameter in entries {
            let name = try parameterName(parameter, commandTrainer: commandTrainer)
            domains[name] = try parseDomain(parameter, name, method: method)
        }
        return domains
    }

    private func parameterName(
        _ parameter: SweepFileEntry, commandTrainer: Bool
    ) throws(SweepFileError) -> Hyperparameter {
        if let name = Hyperparameter(rawValue: parameter.key) { return name }
        guard commandTrainer else {
            let known = Hyperparameter.allCases.map(\.rawValue)
            throw nodes.error(
                .unknownParameter(
                    suggestion: KeySuggestion.closest(to: parameter.key, among: known)),
                at: parameter.keyNode, parameter.keyPath)
        }
        guard CommandPlaceholder(rawValue: parameter.key) == nil else {
            throw nodes.error(.reservedParameterName, at: parameter.keyNode, parameter.keyPath)
        }
        // It must be writable as a placeholder: `{name}`.
        guard !parameter.key.isEmpty,
            !parameter.key.contains(where: { "{}".contains($0) || $0.isWhitespace })
        else {
            throw nodes.error(
                .unwritableParameterName, at: parameter.keyNode, parameter.keyPath,
                value: parameter.key)
        }
        return .program(parameter.key)
    }

    private func parseDomain(
        _ parameter: SweepFileEntry, _ name: Hyperparameter, method: SearchMethod
    ) throws(SweepFileError) -> ParameterDomain {
        let byKey = try nodes.keyedMapping(
            parameter.value, parameter.keyPath, allowed: Self.parameterKeys
        ) {
            .unknownParameterKey(suggestion: $0)
        }
        let distribution = try byKey["distribution"].map { entry throws(SweepFileError) in
            let text = try nodes.text(entry.value, entry.keyPath)
            guard let distribution = DistributionName(rawValue: text) else {
                throw nodes.error(.unknownDistribution, at: entry.value, entry.keyPath, value: text)
            }
            return (distribution, entry)
        }
        let bounds = ["min", "max", "q", "mu", "sigma"].compactMap { byKey[$0] }
        if let values = byKey["values"] ?? byKey["value"] {
            if let (kind, entry) = distribution, kind != .categorical, kind != .constant {
                throw nodes.error(.ambiguousDomain, at: entry.keyNode, entry.keyPath)
            }
            if byKey["values"] != nil, byKey["value"] != nil {
                throw nodes.error(.ambiguousDomain, at: parameter.keyNode, parameter.keyPath)
            }
            if let bound = bounds.first {
                throw nodes.error(.ambiguousDomain, at: bound.keyNode, bound.keyPath)
            }
            return try parseValues(values, name)
        }
        guard let (kind, kindEntry) = distribution else {
            let missing = bounds.isEmpty ? "values" : "distribution"
            throw nodes.error(.missingKey, at: parameter.keyNode, "\(parameter.keyPath).\(missing)")
        }
        if kind == .categorical || kind == .constant {
            let missing = kind == .categorical ? "values" : "value"
            throw nodes.error(.missingKey, at: parameter.keyNode, "\(parameter.keyPath).\(missing)")
        }
        if method == .grid {
            throw nodes.error(
                .gridNeedsValues, at: kindEntry.value, kindEntry.keyPath,
                value: kind.rawValue)
        }
        guard name.allowedDistributions.contains(kind) else {
            let allowed = name.allowedDistributions.map(\.rawValue) + ["values"]
            throw nodes.error(
                .distributionNotAllowed(allowed: allowed), at: kindEntry.value,
                kindEntry.keyPath, value: kind.rawValue)
        }
        return try parseBounds(parameter, byKey, name, kind)
    }

    private func parseValues(
        _ entry: SweepFileEntry, _ name: Hyperparameter
    ) throws(SweepFileError) -> ParameterDomain {
        guard entry.key == "values" else {
            return .values([try name.value(of: entry.value, entry.keyPath, nodes)])
        }
        let items = try nodes.list(entry.value, entry.keyPath)
        guard !items.isEmpty else {
            throw nodes.error(.emptyValues, at: entry.value, entry.keyPath, value: "[]")
        }
        guard items.count <= SweepLimits.maximumTrials else {
            throw nodes.error(
                .tooManyValues(count: items.count, limit: SweepLimits.maximumTrials),
                at: entry.value, entry.keyPath)
        }
        var values: [ParameterValue] = []
        var seen: Set<ParameterValue> = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let value = try name.value(of: item, "\(entry.keyPath)[\(index)]", nodes)
            guard seen.insert(value).inserted else {
                throw nodes.error(
                    .duplicateValue, at: item, "\(entry.keyPath)[\(index)]",
                    value: nodes.shown(item))
            }
            values.append(value)
        }
        return .values(values)
    }

    private func parseBounds(
        _ parameter: SweepFileEntry, _ byKey: [String: SweepFileEntry], _ name: Hyperparameter,
        _ kind: DistributionName
    ) throws(SweepFileError) -> ParameterDomain {
        let gaussian = kind == .normal || kind == .logNormal
        for key in gaussian ? ["min", "max", "q"] : ["mu", "sigma"] {
            if let entry = byKey[key] {
                throw nodes.error(
                    .boundsNotForDistribution(gaussian: gaussian), at: entry.keyNode,
                    entry.keyPath)
            }
        }
        if gaussian { return try parseGaussian(parameter, byKey, name, kind) }
        func bound(_ key: String) throws(SweepFileError) -> (Double, SweepFileEntry) {
            guard let entry = byKey[key] else {
                throw nodes.error(.missingKey, at: parameter.keyNode, "\(parameter.keyPath).\(key)")
            }
            let value =
                kind == .intUniform
                ? Double(try nodes.integer(entry.value, entry.keyPath))
                : try nodes.number(entry.value, entry.keyPath)
            return (value, entry)
        }
        let (low, lowEntry) = try bound("min")
        let (high, highEntry) = try bound("max")
        try name.requireInRange(low, lowEntry.value, lowEntry.keyPath, nodes)
        try name.requireInRange(high, highEntry.value, highEntry.keyPath, nodes)
        if kind == .logUniform || kind == .qLogUniform, low <= 0 {
            throw nodes.error(
                .logScaleNeedsPositiveMin, at: lowEntry.value, lowEntry.keyPath,
                value: nodes.shown(lowEntry.value))
        }
        guard low <= high else {
            throw nodes.error(
                .minAboveMax(min: nodes.shown(lowEntry.value)), at: highEntry.value,
                highEntry.keyPath, value: nodes.shown(highEntry.value))
        }
        switch kind {
        case .uniform, .logUniform, .intUniform:
            if let q = byKey["q"] {
                throw nodes.error(.qWithoutQuantizedDistribution, at: q.keyNode, q.keyPath)
            }
            if kind == .uniform { return .uniform(min: low, max: high) }
            if kind == .logUniform { return .logUniform(min: low, max: high) }
            return .intUniform(min: Int(low), max: Int(high))
        case .qLogUniform:
            let (q, qEntry) = try bound("q")
            guard q > 0 else {
                throw nodes.error(
                    .outOfRange(requirement: "must be > 0"), at: qEntry.value,
                    qEntry.keyPath, value: nodes.shown(qEntry.value))
            }
            if name.isInteger, q.rounded() != q {
                throw nodes.error(
                    .notAnInteger, at: qEntry.value, qEntry.keyPath,
                    value: nodes.shown(qEntry.value))
            }
            guard QuantizedRange(min: low, max: high, q: q) != nil else {
                throw nodes.error(
                    .noMultipleOfQ(q: nodes.shown(qEntry.value)), at: highEntry.value,
                    highEntry.keyPath, value: nodes.shown(highEntry.value))
            }
            return .qLogUniform(min: low, max: high, q: q)
        case .categorical, .constant, .normal, .logNormal:
            preconditionFailure("categorical and Gaussian domains are parsed elsewhere")
        }
    }

    /// `distribution: normal` or `log_normal` with `mu` and `sigma > 0`; its truncation
    /// (mu ± 3 sigma, see ``ParameterDomain/normalBounds``) must lie in the parameter's range.
    private func parseGaussian(
        _ parameter: SweepFileEntry, _ byKey: [String: SweepFileEntry], _ name: Hyperparameter,
        _ kind: DistributionName
    ) throws(SweepFileError) -> ParameterDomain {
        func number(_ key: String) throws(SweepFileError) -> (Double, SweepFileEntry) {
            guard let entry = byKey[key] else {
                throw nodes.error(.missingKey, at: parameter.keyNode, "\(parameter.keyPath).\(key)")
            }
            return (try nodes.number(entry.value, entry.keyPath), entry)
        }
        let (mu, muEntry) = try number("mu")
        let (sigma, sigmaEntry) = try number("sigma")
        guard sigma > 0 else {
            throw nodes.error(
                .outOfRange(requirement: "must be > 0"), at: sigmaEntry.value,
                sigmaEntry.keyPath, value: nodes.shown(sigmaEntry.value))
        }
        let domain: ParameterDomain =
            kind == .normal ? .normal(mu: mu, sigma: sigma) : .logNormal(mu: mu, sigma: sigma)
        guard let bounds = domain.normalBounds, bounds.lowerBound.isFinite,
            bounds.upperBound.isFinite, bounds.lowerBound < bounds.upperBound
        else {
            throw nodes.error(
                .outOfRange(requirement: "mu ± 3 sigma must be finite numbers"),
                at: sigmaEntry.value, sigmaEntry.keyPath, value: nodes.shown(sigmaEntry.value))
        }
        for end in [bounds.lowerBound, bounds.upperBound] {
            if let requirement = name.check(end) {
                throw nodes.error(
                    .gaussianOutOfRange(
                        requirement: requirement, low: bounds.lowerBound,
                        high: bounds.upperBound),
                    at: muEntry.value, muEntry.keyPath, value: nodes.shown(muEntry.value))
            }
        }
        return domain
    }
}
