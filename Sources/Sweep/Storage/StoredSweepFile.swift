import Trainer

/// What the views read from a sweep's stored file, read once: its objective, the parameters its
/// trials were given and whether a command trainer ran them.
public struct StoredSweepFile: Sendable, Equatable {
    public var objective: Objective
    /// ``SweepSpec/receivedParameters``.
    public var receivedParameters: Set<Hyperparameter>
    /// Whether a command trainer (`trainer: command:`) ran the trials, not the embedded one.
    public var runsCommand: Bool

    /// The file `text` as stored with a sweep; a text that no longer reads as a sweep file
    /// gives its `objective:` (or the default) and the embedded trainer's parameters.
    public init(text: String) {
        let spec = SweepSpec.stored(text: text)
        objective = spec?.objective ?? SweepSpec.objective(storedIn: text)
        receivedParameters = spec?.receivedParameters ?? Hyperparameter.builtIns
        runsCommand = spec?.command != nil
    }
}
