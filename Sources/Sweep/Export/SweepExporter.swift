import Trainer

/// `sweep-cli export`: writes a sweep's ranking as CSV and/or its best trial's config as YAML.
public enum SweepExporter {
    /// Writes the requested files and returns the lines to tell the user what was written.
    /// - Parameters:
    ///   - csvPath: where the ranking CSV goes (``RankingCSV``), nil for none; a sweep without
    ///     ranked trials gives a header-only CSV.
    ///   - limit: the CSV's number of trials (all when nil).
    ///   - pareto: the CSV holds only the trials on the Pareto front of the objective against
    ///     training seconds (``ParetoFront``), fastest first.
    ///   - objective: the metric to rank by; the sweep's stored objective when nil.
    ///   - bestConfigPath: where the best trial's config goes (``BestConfigYAML``), nil for none;
    ///     ``ExportError/noRankedTrials(sweep:)`` when no trial is ranked yet.
    /// - Throws: before writing anything, ``ExportError/overwritesDatabase(path:option:file:)``
    ///   or ``ExportError/sameOutput(path:option:otherOption:)`` when an output is the database
    ///   or both outputs are one file.
    public static func export(
        from store: any TrialReader, sweep: String, csvPath: String?, limit: Int? = nil,
        pareto: Bool = false, bestConfigPath: String?, objective: Objective? = nil
    ) throws -> [String] {
        let outputs = [("--out", csvPath), ("--best-config", bestConfigPath)].compactMap {
            option, path in path.map { (option: option, path: $0) }
        }
        try ExportTarget.checkDistinct(outputs, database: store.location)
        let file = try store.storedFile(sweep: sweep)
        let objective = objective ?? file.objective
        let ranking = try store.ranking(sweep: sweep, objective: objective)
        let received = file.receivedParameters
        var messages: [String] = []
        if let csvPath {
            let trials = pareto ? ParetoFront.front(ranking, objective: objective) : ranking
            try ExportFile.write(
                RankingCSV.render(trials, limit: limit, received: received), to: csvPath)
            let rows = min(limit ?? trials.count, trials.count)
            let what = pareto ? "Pareto-front" : "ranked"
            messages.append("wrote \(rows) \(what) trials of sweep '\(sweep)' to \(csvPath)")
        }
        if let bestConfigPath {
            guard let best = ranking.first else {
                throw ExportError.noRankedTrials(sweep: sweep)
            }
            try ExportFile.write(
                try BestConfigYAML.render(
                    best, sweep: sweep, objective: objective,
                    programReceived: file.runsCommand ? received : nil),
                to: bestConfigPath)
            messages.append(
                "wrote the config of trial \(best.trial.index) (\(objective.name) "
                    + "\(ReportFormat.metric(best.metrics[objective], of: objective))) to \(bestConfigPath)"
            )
        }
        return messages
    }
}
