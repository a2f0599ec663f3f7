/// The names a command trainer's texts may use in braces, besides the searched parameters.
public enum CommandPlaceholder: String, Sendable, CaseIterable {
    /// The trial's epochs (`trainer.epochs`).
    case epochs
    /// The trial's seed.
    case seed
    /// The trial's position in the plan, from 0.
    case trial
    /// The trial's own folder, created before the program starts and kept.
    case trialDirectory = "trial_dir"
    /// The sweep's name.
    case sweep

    /// Every name valid for a sweep searching `parameters`, parameters first.
    public static func names(searching parameters: some Sequence<Hyperparameter>) -> [String] {
        parameters.sorted().map(\.rawValue) + allCases.map(\.rawValue)
    }
}
