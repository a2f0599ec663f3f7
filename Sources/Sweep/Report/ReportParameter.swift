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
    /// defaults for the others that the program never saw.
    public static func all(
        for trials: [TrialParameters],
        received: Set<Hyperparameter> = Set(Hyperparameter.allCases)
    ) -> [ReportParameter] {
        let losses = Set(trials.map(\.loss.rawValue)).sorted()
        let all = [
            ReportParameter(
                name: TrialParameters.CodingKeys.lr.rawValue, log: trials.allSatisfy { $0.lr > 0 }),
            ReportParameter(
                name: TrialParameters.CodingKeys.weightDecay.rawValue,
                log: trials.allSatisfy { $0.weightDecay > 0 }),
            ReportParameter(name: TrialParameters.CodingKeys.batchSize.rawValue, log: true),
            ReportParameter(name: TrialParameters.CodingKeys.loss.rawValue, categories: losses),
        ]
        return all.filter { parameter in
            received.contains { $0.rawValue == parameter.name }
        }
    }

    /// The value of this parameter in `parameters`: a category's index for `loss`.
    public func value(of parameters: TrialParameters) -> Double {
        switch name {
        case TrialParameters.CodingKeys.lr.rawValue: parameters.lr
        case TrialParameters.CodingKeys.weightDecay.rawValue: parameters.weightDecay
        case TrialParameters.CodingKeys.batchSize.rawValue: Double(parameters.batchSize)
        default: Double(categories?.firstIndex(of: parameters.loss.rawValue) ?? 0)
        }
    }

    /// The value as text (`focal`, `0.01`, `16`).
    public func text(of parameters: TrialParameters) -> String {
        if categories != nil {
            return parameters.loss.rawValue
        }
        let number = value(of: parameters)
        return name == TrialParameters.CodingKeys.batchSize.rawValue
            ? String(Int(number)) : number.description
    }
}
