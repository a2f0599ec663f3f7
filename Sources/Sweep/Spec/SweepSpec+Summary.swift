import Foundation
import Trainer

extension SweepSpec {
    /// A human-readable summary for `sweep-cli validate`: name, method, trial count, parameter
    /// domains, fixed values, epochs, dataset, early stopping, limits and objective.
    public func summary(path: String? = nil) -> String {
        let trials = planTrials().count
        var lines: [String] = []
        if let path { lines.append("\(path): OK") }
        lines.append(Self.row("name", name))
        let trialText =
            switch method {
            case .grid: "\(trials) (full grid)"
            case .random: "\(trials) (seed \(seed))"
            case .tpe, .bayes:
                "\(maxTrials ?? 0) (proposed one at a time from the results, seed \(seed))"
                    + (proposalSpaceSize.map { " of a space of \($0) points" } ?? "")
            }
        lines.append(Self.row("method", method.rawValue))
        lines.append(Self.row("trials", trialText))
        if let samplerSettings {
            lines.append(
                Self.row(
                    "sampler",
                    method == .bayes ? samplerSettings.bayesSummary : samplerSettings.summary))
        }
        for (index, config) in initial.enumerated() {
            let values = parameters.keys.sorted()
                .map { "\($0.rawValue) \(config.value(of: $0).map { "\($0)" } ?? "inactive")" }
            lines.append(Self.row("initial[\(index)]", values.joined(separator: ", ")))
        }
        lines.append("parameters:")
        let defaults = RemedyParameters()
        for parameter in Hyperparameter.builtIns.union(parameters.keys).sorted()
        where parameters[parameter] != nil
            || command == nil
                && (!parameter.isRemedy || fixedValue(parameter) != defaults.description(parameter))
        {
            let text = parameters[parameter].map(\.description) ?? "fixed \(fixedValue(parameter))"
            lines.append(Self.row("  " + parameter.rawValue, text))
        }
        let conditional = conditions.keys.sorted()
        if !conditional.isEmpty { lines.append("conditional:") }
        for parameter in conditional {
            lines.append(Self.row("  " + parameter.rawValue, conditions[parameter]?.summary ?? ""))
        }
        lines.append(Self.row("epochs", trainer.epochs))
        if let command {
            lines += command.summary(spec: self).map { Self.row($0.label, $0.value) }
        } else {
            lines.append(Self.row("dataset", Self.describe(trainer.data)))
            var fixed = ["momentum \(trainer.momentum)", "warmup_epochs \(trainer.warmupEpochs)"]
            for (parameter, value) in [
                (Hyperparameter.focalAlpha, trainer.focalAlpha), (.focalGamma, trainer.focalGamma),
            ] where parameters[parameter] == nil {
                fixed.append("\(parameter.rawValue) \(value)")
            }
            lines.append(Self.row("fixed", fixed.joined(separator: ", ")))
        }
        if let earlyStop {
            var text = "\(earlyStop.kind.rawValue), min_epochs \(earlyStop.minEpochs)"
            if earlyStop.kind == .asha { text += ", reduction_factor \(earlyStop.reductionFactor)" }
            lines.append(Self.row("early_stop", text))
        }
        if let timeBudget {
            lines.append(Self.row("time_budget", Self.describe(seconds: timeBudget)))
        }
        if let trialTimeout {
            lines.append(Self.row("trial_timeout", Self.describe(seconds: trialTimeout)))
        }
        lines.append(Self.row("max_retries", maxRetries))
        lines.append(Self.row("objective", objective.description))
        if !readingNotes.isEmpty {
            lines.append("W&B keys:")
            lines += readingNotes.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// `label:` padded to a common column, then the value.
    /// `label:` padded to 16 characters (a longer one keeps its whole name and one space),
    /// then `value`.
    private static func row(_ label: String, _ value: Any) -> String {
        let cell = label + ":"
        return
            (cell.count < 16 ? cell.padding(toLength: 16, withPad: " ", startingAt: 0) : cell + " ")
            + "\(value)"
    }

    private func fixedValue(_ parameter: Hyperparameter) -> String {
        switch parameter {
        case .lr: "\(trainer.lr)"
        case .weightDecay: "\(trainer.weightDecay)"
        case .batchSize: "\(trainer.batchSize)"
        case .loss: trainer.loss.rawValue
        case .focalGamma: "\(trainer.focalGamma)"
        case .focalAlpha: "\(trainer.focalAlpha)"
        default: RemedyParameters(defaults: trainer).description(parameter)
        }
    }

    static func describe(_ data: DataSource) -> String {
        switch data {
        case .synthetic(let options):
            "synthetic \(options.imageSize)x\(options.imageSize), \(options.trainImages) train / "
                + "\(options.valImages) val images, seed \(options.seed)"
        case .yolo(let path, let skipCorrupt, let imageSize, let resize):
            "yolo \(path), \(imageSize)x\(imageSize) \(resize.rawValue)"
                + (skipCorrupt ? " (skipping corrupt files)" : "")
        }
    }

    /// `8h`, `1h30m`, `90s`.
    static func describe(seconds: Double) -> String {
        var rest = Int(seconds.rounded())
        var text = ""
        for (unit, size) in [("h", 3600), ("m", 60)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}
