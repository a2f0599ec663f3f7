import Trainer

/// The ranking as the terminal table `sweep-cli top` prints.
public enum RankingTable {
    /// The metric columns, headed by their ``DetectionMetric`` names: the ranking keys.
    static let metrics: [DetectionMetric] = [.apSmall, .ap50Small, .ap]

    /// Columns: rank, trial (plan index), lr, weight_decay, batch_size, loss, ap_small,
    /// ap50_small, ap, state (`completed`, or `pruned` for trials stopped early), epochs, seconds.
    /// Undefined metrics show as `-`.
    public static func render(_ ranking: [RankedTrial], limit: Int? = nil) -> String {
        var table = TextTable(
            columns: [
                .init("rank"), .init("trial"), .init("lr"), .init("weight_decay"),
                .init("batch_size"), .init("loss", .left),
            ] + metrics.map { .init($0.name) } + [
                .init("state", .left), .init("epochs"), .init("seconds"),
            ])
        for ranked in ranking.prefix(limit ?? ranking.count) {
            let trial = ranked.trial
            let parameters = trial.config.parameters
            table.append(
                [
                    String(ranked.rank), String(trial.index), parameters.lr.description,
                    parameters.weightDecay.description, String(parameters.batchSize),
                    parameters.loss.rawValue,
                ] + metrics.map { ReportFormat.metric(ranked.metrics[$0]) } + [
                    trial.state.rawValue, String(trial.epochsReached),
                    trial.seconds.map { ReportFormat.fixed($0, decimals: 1) } ?? "-",
                ])
        }
        return table.render()
    }

    /// `top`'s whole output: a title line, then the table (or a note when nothing is ranked yet).
    public static func report(
        sweep: String, ranking: [RankedTrial], totalTrials: Int, limit: Int? = nil
    ) -> String {
        let shown = min(limit ?? ranking.count, ranking.count)
        var text = "sweep '\(sweep)': \(ranking.count) ranked of \(totalTrials) trials"
        text += shown < ranking.count ? ", top \(shown)\n" : "\n"
        if ranking.isEmpty {
            return text + "no completed or pruned trial with metrics yet\n"
        }
        return text + render(ranking, limit: limit)
    }
}
