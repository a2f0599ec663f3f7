import Trainer

/// The ranking as CSV (RFC 4180, see ``CSVWriter``): one header record, then one record per ranked
/// trial, best first.
///
/// Numbers are written with Swift's `description` (shortest text that reads back to the same
/// `Double`, never locale-dependent); undefined metrics stay `-1` as pycocotools reports them.
/// `trial` is the plan index; `state` is `completed` or `pruned` (pruned trials carry their last
/// epoch's metrics, see ``Ranking``).
public enum RankingCSV {
    /// The header, in column order.
    public static let header = [
        "rank", "trial", "lr", "weight_decay", "batch_size", "loss",
        "ap_small", "ap50_small", "ap", "ap50", "epochs", "seconds",
        "state", "key", "seed",
        "ap75", "ap_medium", "ap_large", "ap_very_tiny", "ap_tiny", "ap_tiny_small",
        "ar1", "ar10", "ar100", "ar_small", "ar_medium", "ar_large",
    ]

    /// The CSV document for `ranking`, limited to its first `limit` trials when given.
    public static func render(_ ranking: [RankedTrial], limit: Int? = nil) -> String {
        var writer = CSVWriter()
        writer.append(header)
        for ranked in ranking.prefix(limit ?? ranking.count) {
            writer.append(fields(ranked))
        }
        return writer.text
    }

    /// The fields of one trial's record, in ``header`` order.
    public static func fields(_ ranked: RankedTrial) -> [String] {
        let trial = ranked.trial
        let parameters = trial.config.parameters
        let m = ranked.metrics
        return [
            String(ranked.rank), String(trial.index), parameters.lr.description,
            parameters.weightDecay.description, String(parameters.batchSize),
            parameters.loss.rawValue,
            m.apSmall.description, m.ap50Small.description, m.ap.description, m.ap50.description,
            String(trial.epochsReached), trial.seconds?.description ?? "",
            trial.state.rawValue, trial.key, String(trial.config.seed),
            m.ap75.description, m.apMedium.description, m.apLarge.description,
            m.apVeryTiny.description, m.apTiny.description, m.apTinySmall.description,
            m.ar1.description, m.ar10.description, m.ar100.description,
            m.arSmall.description, m.arMedium.description, m.arLarge.description,
        ]
    }
}
