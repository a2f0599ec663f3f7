import Trainer

/// The ranking as CSV (RFC 4180, see ``CSVWriter``): one header record, then one record per ranked
/// trial, best first.
///
/// Numbers are written with Swift's `description` (shortest text that reads back to the same
/// `Double`, never locale-dependent); undefined metrics stay `-1` as pycocotools reports them.
/// `trial` is the plan index; `state` is `completed` or `pruned` (pruned trials carry their last
/// epoch's metrics, see ``Ranking``). The conditional parameters come last, empty where a trial
/// did not search them or they were inactive (`focal_gamma` of a `loss: ce` trial). A
/// parameter a command trainer was never given (``SweepSpec/receivedParameters``) is empty too.
/// The metrics a command trainer reported under its own names (``DetectionMetrics/reported``)
/// are the last columns, by name.
public enum RankingCSV {
    /// The metrics right after the trial's parameters: the ranking keys, then AP50.
    static let leadingMetrics: [DetectionMetric] = [.apSmall, .ap50Small, .ap, .ap50]
    /// The other metrics, after the trial's bookkeeping columns.
    static let trailingMetrics: [DetectionMetric] = [
        .ap75, .apMedium, .apLarge, .apVeryTiny, .apTiny, .apTinySmall,
        .ar1, .ar10, .ar100, .arSmall, .arMedium, .arLarge,
    ]

    /// The header, in column order; metric columns carry ``DetectionMetric`` names.
    public static let header: [String] = header(received: [])

    /// The header of a sweep whose trials were given `received`: a command trainer's own
    /// parameters (``TrialParameters/programColumns(_:)``) come last, by name (then its own
    /// metrics, see ``reportedHeaders(_:after:)``).
    public static func header(received: Set<Hyperparameter>) -> [String] {
        ["rank", "trial"] + TrialParameters.leading.map(\.rawValue)
            + leadingMetrics.map(\.name) + ["epochs", "seconds", "state", "key", "seed"]
            + trailingMetrics.map(\.name) + conditionalParameters.map(\.rawValue)
            + TrialParameters.programColumns(received).map(\.rawValue)
    }

    /// The headers of the reported metrics `names` after the columns `header`: a name that is
    /// already a column (a program logging its `lr`) becomes `reported.lr`.
    static func reportedHeaders(_ names: [String], after header: [String]) -> [String] {
        let taken = Set(header)
        return names.map { taken.contains($0) ? "reported.\($0)" : $0 }
    }

    /// The names of the metrics the trials of `ranking` reported on their own, sorted.
    static func reportedNames(_ ranking: some Sequence<RankedTrial>) -> [String] {
        Set(ranking.flatMap(\.metrics.reported.keys)).sorted()
    }

    /// The hyperparameters that may be unset in a trial, as trailing columns.
    static let conditionalParameters: [Hyperparameter] = [.focalGamma, .focalAlpha]

    /// The CSV document for `ranking`, limited to its first `limit` trials when given.
    public static func render(
        _ ranking: [RankedTrial], limit: Int? = nil,
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> String {
        let shown = ranking.prefix(limit ?? ranking.count)
        let reported = reportedNames(shown)
        var writer = CSVWriter()
        let base = header(received: received)
        writer.append(base + reportedHeaders(reported, after: base))
        for ranked in shown {
            writer.append(fields(ranked, received: received, reported: reported))
        }
        return writer.text
    }

    /// The fields of one trial's record, in ``header`` order.
    public static func fields(
        _ ranked: RankedTrial, received: Set<Hyperparameter> = Hyperparameter.builtIns,
        reported: [String] = []
    ) -> [String] {
        let trial = ranked.trial
        let parameters = trial.config.parameters
        let metrics = ranked.metrics
        return [String(ranked.rank), String(trial.index)]
            + TrialParameters.leading.map { parameters.text(of: $0, received: received) ?? "" }
            + leadingMetrics.map { cell(metrics[$0]) }
            + [
                String(trial.epochsReached), trial.seconds?.description ?? "",
                trial.state.rawValue, trial.key, String(trial.config.seed),
            ]
            + trailingMetrics.map { cell(metrics[$0]) }
            + (conditionalParameters + TrialParameters.programColumns(received)).map {
                parameters.text(of: $0, received: received) ?? ""
            }
            + reported.map { metrics.reported[$0].map(cell) ?? "" }
    }

    /// A metric's cell: empty when the trial did not report it (NaN, as a command trainer's
    /// left-out metric is stored).
    private static func cell(_ value: Double) -> String {
        value.isNaN ? "" : value.description
    }
}
