import Foundation

/// Everything the HTML report shows, computed from one sweep's stored trials: the page's data,
/// encoded as JSON into the page and drawn there by a fixed script.
public struct SweepReport: Encodable, Sendable {
    public var summary: ReportSummary
    public var table: ReportTable
    /// Most important first; nil when it cannot be computed (see ``importanceNote``).
    public var importance: [FanovaImportance.Entry]?
    public var importanceNote: String?
    public var advice: BatchSizeAdvice
    public var pareto: [ParetoRow]
    public var charts: [ReportChart]
    /// The page reloads itself this often (`--watch`); nil for a one-off report.
    public var refreshSeconds: Int?

    /// A trial on the Pareto front.
    public struct ParetoRow: Encodable, Sendable, Equatable {
        public var trial: Int
        public var seconds: Double
        public var objective: Double
    }

    public init(_ input: ReportInput, importance settings: FanovaImportance.Settings = .init()) {
        let objective = input.objective
        let ranking = Ranking.rank(input.trials, objective: objective)
        let points = ObjectivePoint.points(ranking, objective: objective)
        let spec = SweepSpec.stored(text: input.specText)
        let received = spec?.receivedParameters ?? Hyperparameter.builtIns
        let parameters = ReportParameter.all(for: points.map(\.parameters), received: received)
        summary = ReportSummary(input: input, ranking: ranking, received: received)
        table = ReportTable(ranking: ranking, received: received)
        importance = FanovaImportance.evaluate(
            ranking, objective: objective, settings: settings, received: received)
        if importance == nil {
            importanceNote =
                "not enough to tell: fANOVA needs at least 2 completed trials whose "
                + "\(objective.name) differs"
        }
        advice = BatchSizeAdvice(points: points, objective: objective.name, received: received)
        let front = ParetoFront.front(points)
        pareto = front.map {
            ParetoRow(trial: $0.trial, seconds: $0.seconds ?? 0, objective: $0.objective)
        }
        refreshSeconds = input.refreshSeconds
        let parameter = { (name: String) in parameters.first { $0.name == name } }
        let firstStart = input.trials.compactMap(\.startedAt).min() ?? input.createdAt
        let name = objective.name
        var charts = HistoryCharts.charts(
            OptimizationHistory(points: points, start: min(firstStart, input.createdAt)),
            objective: name)
        charts.append(
            ParameterCharts.parallelCoordinates(points, parameters: parameters, objective: name))
        charts += ParameterCharts.slices(points, parameters: parameters, objective: name)
        let pairs = [("batch_size", "loss", "batch-loss"), ("lr", "batch_size", "lr-batch")]
        for (x, y, id) in pairs {
            if let x = parameter(x), let y = parameter(y) {
                charts += HeatmapCharts.charts(
                    ObjectiveHeatmap(points: points, x: x, y: y), id: id, objective: name)
            }
        }
        charts.append(Self.learningCurves(input, ranking: ranking, spec: spec))
        if let importance { charts.append(SummaryCharts.importance(importance, objective: name)) }
        charts.append(SummaryCharts.pareto(points, front: front, objective: name))
        charts.append(SummaryCharts.timeline(WorkerTimeline(trials: input.trials, now: input.now)))
        charts.append(SummaryCharts.advice(advice))
        self.charts = charts
    }

    /// The learning curves chart, with the early-stopping rule's rungs (from `spec`, the stored
    /// sweep file read back; none when it no longer reads).
    private static func learningCurves(
        _ input: ReportInput, ranking: [RankedTrial], spec: SweepSpec?
    ) -> ReportChart {
        let curves = LearningCurveChart.trials(input.trials, ranking: ranking).map {
            LearningCurveChart.Curve(
                trial: $0.index, state: $0.state, epochs: input.epochs[$0.key] ?? [])
        }
        let total =
            ranking.count
            + input.trials.filter { $0.state == .running || $0.state == .diverged }.count
        guard let spec, let earlyStop = spec.earlyStop
        else {
            return LearningCurveChart.chart(
                curves, total: total, rungs: [], rule: nil, objective: input.objective)
        }
        let rungs: [Int]
        let rule: String
        switch earlyStop.kind {
        case .asha:
            rungs =
                ASHARule(
                    minEpochs: earlyStop.minEpochs, reductionFactor: earlyStop.reductionFactor,
                    maxEpochs: spec.trainer.epochs
                ).rungs
            rule =
                "ASHA (min_epochs \(earlyStop.minEpochs), reduction_factor "
                + "\(earlyStop.reductionFactor))"
        case .median:
            rungs = Array(earlyStop.minEpochs..<max(earlyStop.minEpochs, spec.trainer.epochs))
            rule = "median stopping (min_epochs \(earlyStop.minEpochs))"
        }
        return LearningCurveChart.chart(
            curves, total: total, rungs: rungs, rule: rule, objective: input.objective)
    }
}
