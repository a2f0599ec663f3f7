import Trainer

extension Hyperparameter {
    /// The remedies for small objects a sweep can search besides the four training
    /// hyperparameters: the attention block (categorical) and the augmentation settings
    /// (numeric, `uniform` or `values`), named as in a `trainer:` block.
    public static let remedies: [Hyperparameter] = [
        .attention, .mosaic, .scale, .translate, .hsvH, .hsvS, .hsvV, .fliplr, .copyPaste,
    ]

    /// Whether this is one of ``remedies``.
    public var isRemedy: Bool { Self.remedies.contains(self) }

    /// The field of a numeric remedy in ``RemedyParameters`` and in ``TrainingConfig``, with
    /// its bound; `nil` for every other hyperparameter. The one mapping of the numeric remedies.
    var augmentationField:
        (
            remedy: WritableKeyPath<RemedyParameters, Double>,
            training: WritableKeyPath<TrainingConfig, Double>, bound: ConfigBound
        )?
    {
        switch self {
        case .mosaic: (\.mosaic, \.mosaic, TrainingBounds.mosaic)
        case .scale: (\.scale, \.scale, TrainingBounds.scale)
        case .translate: (\.translate, \.translate, TrainingBounds.translate)
        case .hsvH: (\.hsvH, \.hsvH, TrainingBounds.hsvH)
        case .hsvS: (\.hsvS, \.hsvS, TrainingBounds.hsvS)
        case .hsvV: (\.hsvV, \.hsvV, TrainingBounds.hsvV)
        case .fliplr: (\.fliplr, \.fliplr, TrainingBounds.fliplr)
        case .copyPaste: (\.copyPaste, \.copyPaste, TrainingBounds.copyPaste)
        default: nil
        }
    }
}
