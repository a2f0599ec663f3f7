/// Typed reads of Yams nodes for a training config, each mismatch a located
/// ``TrainingConfigFileError``.
public typealias ConfigNodes = YAMLNodes<TrainingConfigProblem>
