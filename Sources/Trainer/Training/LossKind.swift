/// The classification/objectness loss a trial trains with.
///
/// `ce` is binary cross-entropy on sigmoid outputs; `focal` is the sigmoid focal loss of
/// Lin et al. (α, γ from ``TrainingConfig``). Box regression uses one fixed loss for all three.
public enum LossKind: String, Codable, Sendable, CaseIterable {
    case mse
    case ce
    case focal
}
