/// A searched hyperparameter as the report plots it: its name, whether its axis is logarithmic,
/// and its categories (for `loss`).
public struct ReportParameter: Codable, Sendable, Equatable {
    public var name: String
    public var log: Bool
    /// The categories in order, for a categorical parameter; nil for a numeric one.
    public var categories: [String]?

    public init(name: String, log: Bool = false, categories: [String]? = nil) {
        self.name = name
        self.log = log
        self.categories = categories
    }

    /// The four swept hyperparameters, named as in the sweep file (``TrialParameters``'s keys);
    /// `lr` and `weight_decay` on log axes; `loss` with the categories seen in `trials`. Only
    /// those in `received` (``SweepSpec/receivedParameters``): a command trainer's trials store
    /// defaults for the others that the program never saw. Then a command trainer's own
    /// parameters in `received` (``TrialParameters/programColumns(_:)``): numeric when every
    /// value is a number, else categorical over the values seen, by name.
    public static func all(
        for trials: [TrialParameters],
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> [ReportParameter] {
        let losses = Set(trials.map(\.loss.rawValue)).sorted()
        let builtIn = [
            ReportParameter(
                name: TrialParameters.CodingKeys.lr.rawValue, log: trials.allSatisfy { $0.lr > 0 }),
            ReportParameter(
                name: TrialParameters.CodingKeys.weightDecay.rawValue,
                log: trials.allSatisfy { $0.weightDecay > 0 }),
            ReportParameter(name: TrialParameters.CodingKeys.batchSize.rawValue, log: true),
            ReportParameter(name: TrialParameters.CodingKeys.loss.rawValue, categories: losses),
        ].filter { parameter in received.contains { $0.rawValue == parameter.name } }
        let program = TrialParameters.programColumns(received).map { parameter in
            let values = trials.compactMap { $0.value(of: parameter) }
            let numeric = values.allSatisfy { $0.number != nil }
            return ReportParameter(
                name: parameter.rawValue,
                categories: numeric ? nil : Set(values.map(\.description)).sorted())
        }
        return builtIn + program
    }

    /// The value of this parameter in `parameters`: a category's index for a categorical one
    /// (`loss`), NaN for a program parameter the trial has no value for.
    public func value(of parameters: TrialParameters) -> Double {
        switch name {
        case TrialParameters.CodingKeys.lr.rawValue: return parameters.lr
        case TrialParameters.CodingKeys.weightDecay.rawValue: return parameters.weightDecay
        case TrialParameters.CodingKeys.batchSize.rawValue: return Double(parameters.batchSize)
        default:
            if let categories {
                return Double(categories.firstIndex(of: text(of: parameters)) ?? 0)
            }
            return parameters.value(of: hyperparameter)?.number ?? .nan
        }
    }

    /// The value as text (`focal`, `0.01`, `16`, `adam`).
    public func text(of parameters: TrialParameters) -> String {
        parameters.value(of: hyperparameter)?.description ?? ""
    }

    /// The hyperparameter this column shows.
    private var hyperparameter: Hyperparameter { Hyperparameter(named: name) }
}
