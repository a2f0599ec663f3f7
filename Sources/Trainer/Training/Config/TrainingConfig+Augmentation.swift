extension TrainingConfig {
    /// The bound and field of one augmentation key (`mosaic`, `scale`, `translate`, `hsv_h`,
    /// `hsv_s`, `hsv_v`, `fliplr`, `copy_paste`); any other key is a programmer error.
    static func augmentationSetting(_ key: CodingKeys)
        -> (bound: ConfigBound, field: WritableKeyPath<TrainingConfig, Double>)
    {
        switch key {
        case .mosaic: (TrainingBounds.mosaic, \.mosaic)
        case .scale: (TrainingBounds.scale, \.scale)
        case .translate: (TrainingBounds.translate, \.translate)
        case .hsvH: (TrainingBounds.hsvH, \.hsvH)
        case .hsvS: (TrainingBounds.hsvS, \.hsvS)
        case .hsvV: (TrainingBounds.hsvV, \.hsvV)
        case .fliplr: (TrainingBounds.fliplr, \.fliplr)
        case .copyPaste: (TrainingBounds.copyPaste, \.copyPaste)
        default: preconditionFailure("\(key.rawValue) is not an augmentation key")
        }
    }

    /// The augmentation keys, in config order.
    static let augmentationKeys: [CodingKeys] = [
        .mosaic, .scale, .translate, .hsvH, .hsvS, .hsvV, .fliplr, .copyPaste,
    ]

    /// Every augmentation setting with its bound, for validation.
    var augmentationSettings: [(ConfigBound, Double)] {
        Self.augmentationKeys.map { key in
            let setting = Self.augmentationSetting(key)
            return (setting.bound, self[keyPath: setting.field])
        }
    }

    /// The augmentation these settings describe.
    public var augmentation: Augmentation {
        Augmentation(
            mosaic: Float(mosaic), scale: Float(scale), translate: Float(translate),
            hsvH: Float(hsvH), hsvS: Float(hsvS), hsvV: Float(hsvV), fliplr: Float(fliplr),
            copyPaste: Float(copyPaste))
    }
}
