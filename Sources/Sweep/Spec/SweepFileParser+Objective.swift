import Trainer
import Yams

extension SweepFileParser {
    /// The objective of a sweep file without `objective:`.
    static let defaultObjective = DetectionMetric.apSmall

    /// `objective: ap50_small`: one of the ``DetectionMetric`` names, maximised.
    func parseObjective(_ entry: SweepFileEntry) throws(SweepFileError) -> DetectionMetric {
        let name = try nodes.text(entry.value, entry.keyPath)
        guard let metric = DetectionMetric(rawValue: name) else {
            let valid = DetectionMetric.allCases.map(\.name)
            throw nodes.error(
                .unknownObjective(
                    valid: valid, suggestion: KeySuggestion.closest(to: name, among: valid)),
                at: entry.value, entry.keyPath, value: name)
        }
        return metric
    }

    /// The objective of a stored sweep file's text (validated when it was stored): its top-level
    /// `objective:` (a W&B file's `metric.name`), or the default when the text has none or no longer reads as one.
    static func objective(storedIn text: String) -> DetectionMetric {
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: text),
            let name = mapping["objective"]?.string
                ?? WandBTranslator.objectiveName(in: .mapping(mapping)),
            let metric = DetectionMetric(rawValue: name)
        else { return defaultObjective }
        return metric
    }
}

extension SweepSpec {
    /// The objective of a sweep file without `objective:`.
    public static var defaultObjective: DetectionMetric { SweepFileParser.defaultObjective }

    /// The objective of a stored sweep file's text, for stores that keep only the text.
    public static func objective(storedIn text: String) -> DetectionMetric {
        SweepFileParser.objective(storedIn: text)
    }
}
