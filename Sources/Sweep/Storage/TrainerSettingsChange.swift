import Foundation
import Trainer

/// What an edited sweep file changed in the training config of a trial that is already stored
/// (same key: same sweep name, parameters and seed), e.g. `epochs 1 → 2`. Stored results of other
/// settings would be ranked as if they were this file's, so planning refuses such a change.
public enum TrainerSettingsChange {
    /// The changed settings as `key stored → planned` (nested keys dotted: `data.synthetic.seed`),
    /// sorted by key; empty when the configs are equal.
    static func differences(stored: TrainingConfig, planned: TrainingConfig) -> [String] {
        guard stored != planned else { return [] }
        let old = flattened(stored)
        let new = flattened(planned)
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
        guard !changed.isEmpty else { return ["training config"] }
        return changed.map { "\($0) \(old[$0] ?? "(none)") → \(new[$0] ?? "(none)")" }
    }

    /// The config as `dotted.key: value` strings, through its JSON form.
    private static func flattened(_ config: TrainingConfig) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(config),
            let object = try? JSONSerialization.jsonObject(with: data)
        else { return [:] }
        var result: [String: String] = [:]
        flatten(object, prefix: "", into: &result)
        return result
    }

    private static func flatten(_ value: Any, prefix: String, into result: inout [String: String]) {
        if let dictionary = value as? [String: Any] {
            for (key, item) in dictionary {
                flatten(item, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &result)
            }
        } else if let data = try? JSONSerialization.data(
            withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
        {
            result[prefix] = String(decoding: data, as: UTF8.self)
        }
    }

    /// The changes of the first stored trial whose config differs from its planned copy.
    public static func firstConflict(stored: [String: TrainingConfig], planned: [TrialConfig])
        -> [String]?
    {
        for trial in planned {
            guard let old = stored[trial.key] else { continue }
            let changes = differences(stored: old, planned: trial.training)
            if !changes.isEmpty { return changes }
        }
        return nil
    }
}
