import Foundation

/// The report's first section: counts, times, the best config and what went wrong.
public struct ReportSummary: Encodable, Sendable, Equatable {
    /// A trial that did not give a result, with its reason.
    public struct Problem: Encodable, Sendable, Equatable {
        public var trial: Int
        public var state: String
        public var error: String
    }

    public var sweep: String
    public var specText: String
    public var generatedAt: String
    public var objective: String
    /// `state: count` for every state with trials, in lifecycle order.
    public var counts: [String: Int]
    public var total: Int
    /// From the first start to the last end (or now, while trials run), as text.
    public var wallTime: String
    /// Summed run time of every started trial, as text.
    public var compute: String
    public var best: String?
    /// Commands that export and retrain the best trial.
    public var bestCommand: String?
    public var running: [Int]
    public var problems: [Problem]
    /// Plain sentences about what the report cannot show (no trials, none ranked, …).
    public var notes: [String]

    /// The best trial's line names the parameters in `received`
    /// (``SweepSpec/receivedParameters``).
    init(
        input: ReportInput, ranking: [RankedTrial],
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) {
        sweep = input.sweep
        specText = input.specText
        generatedAt = ReportFormat.date(input.now)
        objective = input.objective.name
        counts = input.trials.reduce(into: [:]) { $0[$1.state.rawValue, default: 0] += 1 }
        total = input.trials.count
        let spans = input.trials.compactMap { trial -> (Date, Date)? in
            guard let start = trial.startedAt else { return nil }
            return (start, trial.state == .running ? input.now : (trial.endedAt ?? start))
        }
        let wall = (spans.map(\.1).max()?.timeIntervalSince(spans.map(\.0).min() ?? input.now)) ?? 0
        wallTime = ReportFormat.duration(max(0, wall))
        compute = ReportFormat.duration(
            spans.reduce(0) { $0 + max(0, $1.1.timeIntervalSince($1.0)) })
        if let first = ranking.first {
            let p = first.trial.config.parameters
            best =
                "trial \(first.trial.index): \(objective) "
                + "\(input.objective.objectiveValue(first.metrics).map(ReportFormat.metric) ?? "-")"
                + TrialParameters.leading.compactMap { parameter in
                    p.text(of: parameter, received: received).map {
                        ", \(parameter.rawValue) \($0)"
                    }
                }.joined()
            bestCommand =
                "sweep-cli export \(input.sweep) --best-config best.yaml && "
                + "sweep-cli train --config best.yaml"
        }
        running = input.trials.filter { $0.state == .running }.map(\.index)
        let problemStates: Set<TrialState> = [.failed, .timedOut, .diverged]
        problems = input.trials.filter { problemStates.contains($0.state) }.map {
            Problem(
                trial: $0.index, state: $0.state.rawValue, error: $0.error ?? "no reason stored")
        }
        var notes: [String] = []
        if input.trials.isEmpty {
            notes.append("the sweep has no trials yet: run it, then write the report again")
        } else if ranking.isEmpty {
            notes.append(
                "no trial has a result yet (\(input.trials.count) trials, none completed or "
                    + "pruned with metrics): the charts are empty")
        }
        if !running.isEmpty {
            notes.append("\(running.count) trials are still running: this is a snapshot")
        }
        self.notes = notes
    }
}
