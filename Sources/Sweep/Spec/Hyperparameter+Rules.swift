import Trainer
import Yams

extension Hyperparameter {
    /// The continuous distributions this hyperparameter accepts.
    var allowedDistributions: [DistributionName] {
        switch self {
        case .lr, .weightDecay: [.uniform, .logUniform, .qLogUniform, .normal, .logNormal]
        case .batchSize: [.intUniform, .qLogUniform]
        case .loss, .attention: []
        case .focalGamma, .focalAlpha: [.uniform, .logUniform, .normal, .logNormal]
        case let program where !program.isBuiltIn:
            [.uniform, .logUniform, .intUniform, .qLogUniform, .normal, .logNormal]
        default: [.uniform, .normal]
        }
    }

    /// Whether values are whole numbers.
    var isInteger: Bool { self == .batchSize }

    /// The requirement `value` breaks (e.g. `must be > 0`), or `nil` when it is in range: the
    /// parameter's ``TrainingBounds`` bound.
    func check(_ value: Double) -> String? {
        switch self {
        case .lr: TrainingBounds.lr.violation(value)
        case .weightDecay: TrainingBounds.weightDecay.violation(value)
        case .batchSize: TrainingBounds.batchSize.violation(value)
        case .loss, .attention: nil
        case .focalGamma: TrainingBounds.focalGamma.violation(value)
        case .focalAlpha: TrainingBounds.focalAlpha.violation(value)
        default: augmentationField?.bound.violation(value)
        }
    }

    /// Parses one entry of `values` (or `value`) for this hyperparameter.
    func value(
        of node: Node, _ keyPath: String, _ nodes: SweepFileNodes
    ) throws(SweepFileError) -> ParameterValue {
        switch self {
        case .loss:
            let text = try nodes.text(node, keyPath)
            guard LossKind(rawValue: text) != nil else {
                throw nodes.error(.unknownLoss, at: node, keyPath, value: text)
            }
            return .text(text)
        case .attention:
            let text = try nodes.text(node, keyPath)
            guard AttentionKind(rawValue: text) != nil else {
                throw nodes.error(.unknownAttention, at: node, keyPath, value: text)
            }
            return .text(text)
        case .batchSize:
            let number = try nodes.integer(node, keyPath)
            try requireInRange(Double(number), node, keyPath, nodes)
            return .integer(number)
        case let program where !program.isBuiltIn:
            let text = try nodes.text(node, keyPath)
            if let number = Int(text) { return .integer(number) }
            if let number = Double(text), number.isFinite { return .number(number) }
            return .text(text)
        default:
            let number = try nodes.number(node, keyPath)
            try requireInRange(number, node, keyPath, nodes)
            return .number(number)
        }
    }

    func requireInRange(
        _ number: Double, _ node: Node, _ keyPath: String, _ nodes: SweepFileNodes
    ) throws(SweepFileError) {
        if let requirement = check(number) {
            throw nodes.error(
                .outOfRange(requirement: requirement), at: node, keyPath,
                value: nodes.shown(node))
        }
    }
}
