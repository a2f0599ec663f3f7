import Trainer

extension SweepFileParser {
    /// The `trainer:` block: epochs, data and the fixed hyperparameters (defaults for the rest),
    /// read by the same ``TrainingConfigReader`` as `train --config`.
    func parseTrainer(_ entry: SweepFileEntry) throws(SweepFileError) -> TrainingConfig {
        let reader = TrainingConfigReader(
            path: nodes.path, baseDirectory: baseDirectory, source: .sweepTrainer)
        do {
            return try reader.read(entry.value, keyPath: entry.keyPath)
        } catch {
            throw SweepFileError(error)
        }
    }
}
