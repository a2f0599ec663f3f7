import Trainer

/// The ranking as the terminal table `sweep-cli top` prints.
public enum RankingTable {
    /// The metric columns, headed by their names: the ranking keys, the objective first.
    static func metrics(objective: Objective) -> [Objective] {
        [objective]
            + [DetectionMetric.apSmall, .ap50Small, .ap].map { Objective($0) }
            .filter { $0.name != objective.name }
    }

    /// Columns: rank, trial (plan index), lr, weight_decay, batch_size, loss (those in
    /// `received`, ``SweepSpec/receivedParameters``), a command trainer's own parameters (by
    /// name), the objective,
    /// then the other ranking keys of ap_small, ap50_small, ap, state (`completed`, or `pruned`
    /// for trials stopped early), epochs, seconds. Undefined metrics and unset parameters show
    /// as `-`.
    public static func render(
        _ ranking: [RankedTrial], limit: Int? = nil, objective: Objective = .default,
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> String {
        let metrics = metrics(objective: objective)
        let shown =
            TrialParameters.leading.filter(received.contains)
            + TrialParameters.programColumns(received)
        var table = TextTable(
            columns: [
                .init("rank"), .init("trial"),
            ] + shown.map { .init($0.rawValue, $0.isBuiltIn && $0 != .loss ? .right : .left) }
                + metrics.map { .init($0.name) } + [
                    .init("state", .left), .init("epochs"), .init("seconds"),
                ])
        for ranked in ranking.prefix(limit ?? ranking.count) {
            let trial = ranked.trial
            let parameters = trial.config.parameters
            table.append(
                [String(ranked.rank), String(trial.index)]
                    + shown.map { parameters.text(of: $0, received: received) ?? "-" }
                    + metrics.map { ReportFormat.metric(ranked.metrics[$0], of: $0) } + [
                        trial.state.rawValue, String(trial.epochsReached),
                        trial.seconds.map { ReportFormat.fixed($0, decimals: 1) } ?? "-",
                    ])
        }
        return table.render()
    }

    /// `top`'s whole output: a title line (naming the objective and its goal unless it is the
    /// default `ap_small`, maximised), then the table (or a note when nothing is ranked yet).
    public static func report(
        sweep: String, ranking: [RankedTrial], totalTrials: Int, limit: Int? = nil,
        objective: Objective = .default,
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> String {
        let shown = min(limit ?? ranking.count, ranking.count)
        var text = "sweep '\(sweep)': \(ranking.count) ranked of \(totalTrials) trials"
        if objective != .default {
            text += " by \(objective.label)"
        }
        text += shown < ranking.count ? ", top \(shown)\n" : "\n"
        if ranking.isEmpty {
            return text + "no completed or pruned trial with metrics yet\n"
        }
        return text + render(ranking, limit: limit, objective: objective, received: received)
    }
}
