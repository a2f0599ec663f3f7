import Trainer

/// A trial's values of the searchable remedies (``Hyperparameter/remedies``): the attention
/// block and the augmentation settings, with the names and meanings of ``TrainingConfig``.
public struct RemedyParameters: Codable, Sendable, Hashable {
    public var attention: AttentionKind
    public var mosaic: Double
    public var scale: Double
    public var translate: Double
    public var hsvH: Double
    public var hsvS: Double
    public var hsvV: Double
    public var fliplr: Double
    public var copyPaste: Double

    /// The remedies of `config` (by default the trainer's defaults).
    public init(defaults config: TrainingConfig = TrainingConfig()) {
        attention = config.attention
        mosaic = config.mosaic
        scale = config.scale
        translate = config.translate
        hsvH = config.hsvH
        hsvS = config.hsvS
        hsvV = config.hsvV
        fliplr = config.fliplr
        copyPaste = config.copyPaste
    }

    enum CodingKeys: String, CodingKey {
        case attention, mosaic, scale, translate
        case hsvH = "hsv_h"
        case hsvS = "hsv_s"
        case hsvV = "hsv_v"
        case fliplr
        case copyPaste = "copy_paste"
    }

    /// Sets one remedy from a parsed or sampled value; a value of the wrong kind, or a
    /// parameter that is not a remedy, is a programmer error (the parser types values).
    mutating func set(_ parameter: Hyperparameter, to value: ParameterValue) {
        switch (parameter, value, parameter.augmentationField) {
        case (.attention, .text(let text), _):
            guard let kind = AttentionKind(rawValue: text) else {
                preconditionFailure("unknown attention '\(text)' reached the sampler")
            }
            attention = kind
        case (_, .number(let number), let field?): self[keyPath: field.remedy] = number
        case (_, .integer(let number), let field?): self[keyPath: field.remedy] = Double(number)
        default: preconditionFailure("value \(value) does not fit \(parameter.rawValue)")
        }
    }

    /// The numeric value of `parameter` (0 for `attention` and for non-remedies).
    func number(_ parameter: Hyperparameter) -> Double {
        parameter.augmentationField.map { self[keyPath: $0.remedy] } ?? 0
    }

    /// The value of `parameter` as a sweep file writes it.
    func value(of parameter: Hyperparameter) -> ParameterValue {
        parameter == .attention ? .text(attention.rawValue) : .number(number(parameter))
    }

    /// The value of `parameter` as a sweep file spells it (`cbam`, `0.5`).
    func description(_ parameter: Hyperparameter) -> String {
        parameter == .attention ? attention.rawValue : "\(number(parameter))"
    }

    /// `config` with these remedies written in.
    func applied(to config: TrainingConfig) -> TrainingConfig {
        var config = config
        config.attention = attention
        for parameter in Hyperparameter.remedies {
            guard let field = parameter.augmentationField else { continue }
            config[keyPath: field.training] = self[keyPath: field.remedy]
        }
        return config
    }

    /// `,name=value` for every remedy that differs from the trainer's default, in
    /// ``Hyperparameter/remedies`` order (empty when none does).
    var canonicalSuffix: String {
        let defaults = RemedyParameters()
        var text = attention == defaults.attention ? "" : ",attention=\(attention.rawValue)"
        for parameter in Hyperparameter.remedies {
            guard let field = parameter.augmentationField,
                self[keyPath: field.remedy] != defaults[keyPath: field.remedy]
            else { continue }
            text += ",\(parameter.rawValue)=\(self[keyPath: field.remedy])"
        }
        return text
    }
}
