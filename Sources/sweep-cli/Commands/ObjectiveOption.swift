import ArgumentParser
import Sweep
import Trainer

/// `--objective NAME` of `top`, `export`, `report`, `importance` and `advise`: ranks by one of
/// the COCO metrics (maximised) for this view only.
enum ObjectiveOption {
    static let help = ArgumentHelp(
        "Rank by this metric (maximised) instead of the sweep's objective.",
        discussion: "One of " + DetectionMetric.allCases.map(\.name).joined(separator: ", ") + ".",
        valueName: "metric")

    /// The metric named `name`, maximised; nil when no name was given. An unknown name is a
    /// usage error that lists the valid names and suggests the nearest.
    static func metric(_ name: String?) throws(ValidationError) -> Objective? {
        guard let name else { return nil }
        guard let metric = DetectionMetric(rawValue: name) else {
            let valid = DetectionMetric.allCases.map(\.name)
            var message = "--objective: unknown metric '\(name)'"
            if let suggestion = KeySuggestion.closest(to: name, among: valid) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw ValidationError(message + " (use one of \(valid.joined(separator: ", ")))")
        }
        return Objective(metric)
    }
}
