import Trainer

extension TrialParameters {
    /// The parameters a trial gets when nothing is searched: the trainer's fixed values.
    public init(defaults config: TrainingConfig) {
        self.init(
            lr: config.lr, weightDecay: config.weightDecay, batchSize: config.batchSize,
            loss: config.loss, remedies: RemedyParameters(defaults: config))
    }

    /// Sets one hyperparameter from a parsed or sampled value.
    ///
    /// A value of the wrong kind for `parameter` is a programmer error (the parser types values
    /// per hyperparameter).
    public mutating func set(_ parameter: Hyperparameter, to value: ParameterValue) {
        switch (parameter, value) {
        case (.lr, .number(let number)): lr = number
        case (.lr, .integer(let number)): lr = Double(number)
        case (.weightDecay, .number(let number)): weightDecay = number
        case (.weightDecay, .integer(let number)): weightDecay = Double(number)
        case (.batchSize, .integer(let number)): batchSize = number
        case (.batchSize, .number(let number)): batchSize = Int(number.rounded())
        case (.loss, .text(let text)):
            guard let kind = LossKind(rawValue: text) else {
                preconditionFailure("unknown loss '\(text)' reached the sampler")
            }
            loss = kind
        case (.focalGamma, .number(let number)): focalGamma = number
        case (.focalGamma, .integer(let number)): focalGamma = Double(number)
        case (.focalAlpha, .number(let number)): focalAlpha = number
        case (.focalAlpha, .integer(let number)): focalAlpha = Double(number)
        case (let remedy, _) where remedy.isRemedy: remedies.set(remedy, to: value)
        case (let other, _) where !other.isBuiltIn: programValues[other.rawValue] = value
        default: preconditionFailure("value \(value) does not fit \(parameter.rawValue)")
        }
    }

    /// The value of one hyperparameter, as a sweep file writes it; nil for a conditional one
    /// that is not set (not searched, or inactive in this trial).
    public func value(of parameter: Hyperparameter) -> ParameterValue? {
        switch parameter {
        case .lr: .number(lr)
        case .weightDecay: .number(weightDecay)
        case .batchSize: .integer(batchSize)
        case .loss: .text(loss.rawValue)
        case .focalGamma: focalGamma.map(ParameterValue.number)
        case .focalAlpha: focalAlpha.map(ParameterValue.number)
        case let remedy where remedy.isRemedy: remedies.value(of: remedy)
        default: programValues[parameter.rawValue]
        }
    }

    /// `config` with these hyperparameters and remedies written in (the set ones, for
    /// conditional ones).
    public func applied(to config: TrainingConfig) -> TrainingConfig {
        var config = remedies.applied(to: config)
        config.lr = lr
        config.weightDecay = weightDecay
        config.batchSize = batchSize
        config.loss = loss
        if let focalGamma { config.focalGamma = focalGamma }
        if let focalAlpha { config.focalAlpha = focalAlpha }
        return config
    }

    /// `lr=…,weight_decay=…,batch_size=…,loss=…` with Swift's shortest round-trip number
    /// spelling (the same on every platform), then `,focal_gamma=…` and `,focal_alpha=…` only
    /// when set and `,name=value` for each remedy that is not at its default, so keys of sweeps
    /// without them are unchanged; the input of ``TrialKey``.
    public var canonicalDescription: String {
        var text =
            "lr=\(lr),weight_decay=\(weightDecay),batch_size=\(batchSize),loss=\(loss.rawValue)"
        if let focalGamma { text += ",focal_gamma=\(focalGamma)" }
        if let focalAlpha { text += ",focal_alpha=\(focalAlpha)" }
        text += remedies.canonicalSuffix
        for (name, value) in programValues.sorted(by: { $0.key < $1.key }) {
            text += ",\(name)=\(value)"
        }
        return text
    }
}

extension TrialParameters {
    /// The four hyperparameters every trial stores, in the order the views show them.
    public static let leading: [Hyperparameter] = [.lr, .weightDecay, .batchSize, .loss]

    /// The program parameters in `received` (``Hyperparameter/program(_:)``), by name: the
    /// columns the views add after the built-in ones.
    public static func programColumns(_ received: Set<Hyperparameter>) -> [Hyperparameter] {
        received.filter { !$0.isBuiltIn }.sorted()
    }

    /// `parameter`'s value as text (`0.001`, `32`, `focal`), nil when it is not set or not in
    /// `received` (a command trainer never given it, see ``SweepSpec/receivedParameters``).
    public func text(
        of parameter: Hyperparameter, received: Set<Hyperparameter>
    ) -> String? {
        guard received.contains(parameter) else { return nil }
        return value(of: parameter)?.description
    }
}
