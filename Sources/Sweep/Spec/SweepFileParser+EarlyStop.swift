import Yams

extension SweepFileParser {
    static let earlyStopKeys = ["type", "min_epochs", "reduction_factor"]

    /// `early_stop: {type: asha, min_epochs: 1, reduction_factor: 3}` or `{type: median, …}`.
    func parseEarlyStop(
        _ entry: SweepFileEntry, epochs: Int
    ) throws(SweepFileError) -> EarlyStopSpec {
        let byKey = try nodes.keyedMapping(entry.value, entry.keyPath, allowed: Self.earlyStopKeys)
        {
            .unknownEarlyStopKey(suggestion: $0)
        }
        guard let typeEntry = byKey["type"] else {
            throw nodes.error(.missingKey, at: entry.keyNode, "\(entry.keyPath).type")
        }
        let type = try nodes.text(typeEntry.value, typeEntry.keyPath)
        guard let kind = EarlyStopSpec.Kind(rawValue: type) else {
            throw nodes.error(
                .unknownEarlyStopType, at: typeEntry.value, typeEntry.keyPath,
                value: type)
        }
        var spec = EarlyStopSpec(kind: kind)
        if let minEpochs = byKey["min_epochs"] {
            spec.minEpochs = try nodes.atLeast(1, minEpochs)
            guard spec.minEpochs <= epochs else {
                throw nodes.error(
                    .minEpochsAboveEpochs(epochs: epochs), at: minEpochs.value,
                    minEpochs.keyPath, value: String(spec.minEpochs))
            }
        }
        if let factor = byKey["reduction_factor"] {
            guard kind == .asha else {
                throw nodes.error(.reductionFactorNotAllowed, at: factor.keyNode, factor.keyPath)
            }
            spec.reductionFactor = try nodes.atLeast(2, factor)
        }
        return spec
    }
}
