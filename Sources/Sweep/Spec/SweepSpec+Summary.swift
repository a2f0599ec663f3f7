import Foundation
import Trainer

extension SweepSpec {
    /// A human-readable summary for `sweep-cli validate`: name, method, trial count, parameter
    /// domains, fixed values, epochs, dataset, early stopping and limits.
    public func summary(path: String? = nil) -> String {
        let trials = planTrials().count
        var lines: [String] = []
        if let path { lines.append("\(path): OK") }
        lines.append(Self.row("name", name))
        let trialText = method == .grid ? "\(trials) (full grid)" : "\(trials) (seed \(seed))"
        lines.append(Self.row("method", method.rawValue))
        lines.append(Self.row("trials", trialText))
        lines.append("parameters:")
        let defaults = RemedyParameters()
        for parameter in Hyperparameter.allCases
        where !parameter.isRemedy || parameters[parameter] != nil
            || fixedValue(parameter) != defaults.description(parameter)
        {
            let text = parameters[parameter].map(\.description) ?? "fixed \(fixedValue(parameter))"
            lines.append(Self.row("  " + parameter.rawValue, text))
        }
        lines.append(Self.row("epochs", trainer.epochs))
        lines.append(Self.row("dataset", Self.describe(trainer.data)))
        lines.append(
            Self.row(
                "fixed",
                "momentum \(trainer.momentum), warmup_epochs \(trainer.warmupEpochs), "
                    + "focal_alpha \(trainer.focalAlpha), focal_gamma \(trainer.focalGamma)"))
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
        return lines.joined(separator: "\n")
    }

    /// `label:` padded to a common column, then the value.
    private static func row(_ label: String, _ value: Any) -> String {
        (label + ":").padding(toLength: 16, withPad: " ", startingAt: 0) + "\(value)"
    }

    private func fixedValue(_ parameter: Hyperparameter) -> String {
        switch parameter {
        case .lr: "\(trainer.lr)"
        case .weightDecay: "\(trainer.weightDecay)"
        case .batchSize: "\(trainer.batchSize)"
        case .loss: trainer.loss.rawValue
        default: RemedyParameters(defaults: trainer).description(parameter)
        }
    }

    static func describe(_ data: DataSource) -> String {
        switch data {
        case .synthetic(let options):
            "synthetic \(options.imageSize)x\(options.imageSize), \(options.trainImages) train / "
                + "\(options.valImages) val images, seed \(options.seed)"
        case .yolo(let path, let skipCorrupt):
            "yolo \(path)" + (skipCorrupt ? " (skipping corrupt files)" : "")
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
