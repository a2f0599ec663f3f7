import Trainer

extension SweepFileParser {
    /// The `trainer:` block: epochs, data and the fixed hyperparameters (defaults for the rest),
    /// read by the same ``TrainingConfigReader`` as `train --config`; for a command trainer,
    /// only its `epochs`.
    func parseTrainer(_ entry: SweepFileEntry) throws(SweepFileError) -> TrainingConfig {
        if isCommandTrainer(entry) {
            return try parseCommandTraining(entry)
        }
        let reader = TrainingConfigReader(
            path: nodes.path, baseDirectory: baseDirectory, source: .sweepTrainer)
        do {
            return try reader.read(entry.value, keyPath: entry.keyPath)
        } catch {
            throw SweepFileError(error)
        }
    }
}
