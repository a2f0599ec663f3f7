/// Trains a fresh detector for one trial: the epoch loop, validation after every epoch and
/// divergence detection.
public enum TrainingLoop {
    /// Trains a newly initialised detector with `config` on `split.train`, evaluates on
    /// `split.val` after every epoch and reports each epoch, then the result, to `onEvent`.
    ///
    /// Never crashes on a diverging run: a NaN/Inf loss ends it with status `diverged`.
    /// `config.epochs == 0` trains nothing and evaluates the untrained model once.
    public static func run(
        _ config: TrainingConfig, on split: DatasetSplit,
        onEvent: (TrainingEvent) -> Void = { _ in }
    ) -> TrainingResult {
        preconditionFailure("TrainingLoop.run: the trainer lands with the trainer branch")
    }
}
