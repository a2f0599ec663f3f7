import Trainer
import Yams

/// The winning trial's ``TrainingConfig`` as YAML with the project's snake_case keys (`lr`,
/// `weight_decay`, `batch_size`, `loss`, `epochs`, `seed`, …, `data`), readable by
/// `sweep-cli train --config` (which decodes it with `YAMLDecoder` into `TrainingConfig`).
/// Leading `#` comments say which trial it is and how it scored.
public enum BestConfigYAML {
    /// The YAML document for `best`, a trial of the sweep `sweep`.
    public static func render(_ best: RankedTrial, sweep: String) throws(ExportError) -> String {
        let body: String
        do {
            body = try YAMLEncoder().encode(best.trial.config.training)
        } catch {
            throw .encoding(reason: String(describing: error))
        }
        let m = best.metrics
        let sweepName = sweep.split(whereSeparator: \.isNewline).joined(separator: " ")
        var header = "# Best trial of sweep '\(sweepName)': trial \(best.trial.index)"
        header += " (key \(best.trial.key), \(best.trial.state.rawValue))\n"
        header += "# ap_small \(m.apSmall), ap50_small \(m.ap50Small), ap \(m.ap)\n"
        header += "# Train it again: sweep-cli train --config <this file>\n"
        return header + body
    }
}
