import Trainer
import Yams

/// The winning trial's ``TrainingConfig`` as YAML with the project's snake_case keys (`lr`,
/// `weight_decay`, `batch_size`, `loss`, `epochs`, `seed`, …, `data`), readable by
/// `sweep-cli train --config` (which reads it with ``TrainingConfigReader``, the reader of a
/// sweep file's `trainer:` block).
/// Leading `#` comments say which trial it is and how it scored. Numbers are written in Swift's
/// shortest round-trip form (`0.001`, not Yams' default `1e-3`).
public enum BestConfigYAML {
    /// The YAML document for `best`, a trial of the sweep `sweep` ranked by `objective` (named in
    /// the header unless it is the default `ap_small`). A command trainer's trial
    /// (`programReceived`: the parameters its program was given, ``SweepSpec/receivedParameters``)
    /// gets those, with its `epochs` and `seed`, instead of an embedded trainer's config.
    public static func render(
        _ best: RankedTrial, sweep: String, objective: Objective = .default,
        programReceived: Set<Hyperparameter>? = nil
    ) throws(ExportError) -> String {
        let embedded = programReceived == nil
        let body: String
        do {
            let encoded =
                if let programReceived {
                    try sortedKeys.encode(
                        programConfig(best.trial.config, received: programReceived))
                } else {
                    try YAMLEncoder().encode(best.trial.config.training)
                }
            guard let node = try Yams.compose(yaml: encoded) else {
                throw ExportError.encoding(reason: "YAMLEncoder produced an empty document")
            }
            body = try Yams.serialize(node: plainNumbers(node))
        } catch let error as ExportError {
            throw error
        } catch {
            throw .encoding(reason: String(describing: error))
        }
        let m = best.metrics
        let sweepName = sweep.split(whereSeparator: \.isNewline).joined(separator: " ")
        var header = "# Best trial of sweep '\(sweepName)': trial \(best.trial.index)"
        header += " (key \(best.trial.key), \(best.trial.state.rawValue))\n"
        if objective != .default {
            header += "# objective \(objective.label) \(m[objective])\n"
        }
        let reportedAPs = [DetectionMetric.apSmall, .ap50Small, .ap].filter { !m[$0].isNaN }
        if !reportedAPs.isEmpty {
            header +=
                "# " + reportedAPs.map { "\($0.name) \(m[$0])" }.joined(separator: ", ")
                + "\n"
        }
        header +=
            embedded
            ? "# Train it again: sweep-cli train --config <this file>\n"
            : "# The values the sweep's command passed to the program (its placeholders)\n"
        return header + body
    }

    private static var sortedKeys: YAMLEncoder {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        return encoder
    }

    /// A command trainer's trial as a mapping (written by name): each parameter its program
    /// received, `epochs` and `seed`.
    private static func programConfig(
        _ config: TrialConfig, received: Set<Hyperparameter>
    ) -> [String: ProgramValue] {
        var values: [String: ProgramValue] = [
            CommandPlaceholder.epochs.rawValue: .integer(config.training.epochs),
            CommandPlaceholder.seed.rawValue: .integer(Int(truncatingIfNeeded: config.seed)),
        ]
        for parameter in received {
            switch config.parameters.value(of: parameter) {
            case .number(let number)?: values[parameter.rawValue] = .number(number)
            case .integer(let number)?: values[parameter.rawValue] = .integer(number)
            case .text(let text)?: values[parameter.rawValue] = .text(text)
            case nil: break
            }
        }
        return values
    }

    /// One value as YAML writes it: a plain number or a string.
    private enum ProgramValue: Encodable {
        case number(Double)
        case integer(Int)
        case text(String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .integer(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            }
        }
    }

    /// Rewrites unquoted floating-point scalars (`1e-3`, `9e-1`) as Swift's shortest round-trip
    /// decimal (`0.001`, `0.9`); quoted strings and integers are left as they are.
    private static func plainNumbers(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            let text = scalar.string
            let numeric = text.allSatisfy { "0123456789.eE+-".contains($0) }
            let isFloat = text.contains { ".eE".contains($0) }
            if scalar.style == .plain, numeric, isFloat, let value = Double(text) {
                scalar.string = value.description
            }
            return .scalar(scalar)
        case .mapping(let mapping):
            return .mapping(
                Node.Mapping(
                    mapping.map { ($0.key, plainNumbers($0.value)) }, mapping.tag, mapping.style))
        case .sequence(let sequence):
            return .sequence(
                Node.Sequence(sequence.map(plainNumbers), sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }
}
