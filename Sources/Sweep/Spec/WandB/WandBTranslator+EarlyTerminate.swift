import Foundation
import Yams

extension WandBTranslator {
    static let earlyTerminateKeys = ["type", "min_iter", "max_iter", "s", "eta", "strict"]

    /// `early_terminate: {type: hyperband, min_iter: 1, eta: 3}` → `early_stop: {type: asha,
    /// min_epochs: 1, reduction_factor: 3}`: W&B's brackets are ASHA's rungs, its iterations
    /// our epochs. With `max_iter` and `s` the lowest bracket, `max_iter / eta^s`, is the first
    /// rung.
    func translateEarlyTerminate(
        _ entry: SweepFileEntry, notes: inout [String]
    ) throws(SweepFileError) -> (Node, Node) {
        let byKey = try nodes.keyedMapping(
            entry.value, entry.keyPath, allowed: Self.earlyTerminateKeys
        ) {
            .unknownEarlyStopKey(suggestion: $0)
        }
        guard let type = byKey["type"] else {
            throw nodes.error(.missingKey, at: entry.keyNode, "early_terminate.type")
        }
        guard try nodes.text(type.value, type.keyPath) == "hyperband" else {
            throw nodes.error(
                .wandb(.unknownEarlyTerminateType), at: type.value, type.keyPath,
                value: nodes.shown(type.value))
        }
        let eta = try byKey["eta"].map { entry throws(SweepFileError) in
            try nodes.atLeast(2, entry)
        }
        let factor = eta ?? 3
        let minEpochs: Node
        var read: String
        switch (byKey["min_iter"], byKey["max_iter"]) {
        case (let minIter?, nil):
            minEpochs = minIter.value
            read = "min_iter \(nodes.shown(minIter.value))"
        case (nil, let maxIter?):
            guard let s = byKey["s"] else {
                throw nodes.error(
                    .wandb(.hyperbandMaxIterNeedsS), at: maxIter.keyNode, maxIter.keyPath)
            }
            let top = try nodes.atLeast(1, maxIter)
            let brackets = try nodes.atLeast(1, s)
            let lowest = Double(top) / pow(Double(factor), Double(brackets))
            guard lowest >= 1 else {
                throw nodes.error(
                    .wandb(.hyperbandBelowOneEpoch(value: String(format: "%.3g", lowest))),
                    at: s.value, s.keyPath, value: String(brackets))
            }
            minEpochs = scalar(String(Int(lowest)), at: maxIter.value)
            read = "max_iter \(top), s \(brackets): lowest bracket \(Int(lowest))"
        default:
            throw nodes.error(
                .wandb(.hyperbandNeedsOneOfMinMaxIter), at: entry.keyNode, entry.keyPath)
        }
        read += ", eta \(factor)"
        if let strict = byKey["strict"] {
            read += "; strict: \(nodes.shown(strict.value)) ignored (ASHA keeps the top 1/eta)"
        }
        let at = entry.value
        var pairs: [(Node, Node)] = [
            (scalar("type", at: type.keyNode), scalar("asha", at: type.value)),
            (scalar("min_epochs", at: minEpochs), minEpochs),
        ]
        if let eta = byKey["eta"] {
            pairs.append((scalar("reduction_factor", at: eta.keyNode), eta.value))
        }
        notes.append(
            "early_terminate: hyperband (\(read)) → early_stop: asha, min_epochs "
                + "\(minEpochs.string ?? "?"), reduction_factor \(factor) (W&B's iterations are "
                + "epochs here)")
        return (
            renamed(entry, "early_stop"), .mapping(Node.Mapping(pairs, .implicit, .any, at.mark))
        )
    }
}
