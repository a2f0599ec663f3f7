import Foundation

/// Parameter importance, the Pareto front, the worker timeline and the batch-size advice.
enum SummaryCharts {
    static func importance(_ entries: [FanovaImportance.Entry], objective: String) -> ReportChart {
        ReportChart(
            section: "importance", id: "importance",
            config: ChartConfig(
                type: .bar,
                data: ChartData(
                    labels: entries.map(\.parameter),
                    datasets: [
                        ChartDataset(
                            label: "fANOVA importance", data: entries.map { .value($0.importance) },
                            backgroundColor: .one("#1c7ed6"))
                    ]),
                options: ChartOptions(
                    title: "fANOVA importance for \(objective) (sums to 1)",
                    scales: ["x": .init(.linear, min: 0, max: 1), "y": .init(.category)],
                    indexAxis: "y")))
    }

    static func pareto(
        _ points: [ObjectivePoint], front: [ObjectivePoint], objective: String
    ) -> ReportChart {
        let timed = points.filter { $0.seconds != nil }
        return ReportChart(
            section: "pareto", id: "pareto",
            note: "red: the trials no other trial beats on both \(objective) and training seconds",
            config: ChartConfig(
                type: .scatter,
                data: ChartData(datasets: [
                    ChartDataset(
                        label: "Pareto front",
                        data: front.map { .point(x: $0.seconds ?? 0, y: $0.objective) },
                        type: .line, backgroundColor: .one("#c92a2a"), borderColor: .one("#c92a2a"),
                        pointRadius: 5, showLine: true, stepped: true, order: 0),
                    ChartDataset(
                        label: "trials",
                        data: timed.map { .point(x: $0.seconds ?? 0, y: $0.objective) },
                        backgroundColor: .one("rgba(28,126,214,0.5)"), pointRadius: 3, order: 1),
                ]),
                options: ChartOptions(
                    title: "\(objective) against training seconds", legend: true,
                    numericPoints: true,
                    scales: [
                        "x": .init(.linear, title: "training seconds"),
                        "y": .init(.linear, title: objective),
                    ])))
    }

    static func timeline(_ timeline: WorkerTimeline) -> ReportChart {
        let rows = (0..<timeline.slots).map { "worker \($0 + 1)" }
        let states = TrialState.allCases.filter { state in
            timeline.bars.contains { $0.state == state }
        }
        let datasets = states.map { state in
            ChartDataset(
                label: state.rawValue,
                data: timeline.bars.filter { $0.state == state }.map {
                    .span(start: $0.start, end: $0.end, row: rows[$0.slot])
                },
                backgroundColor: .one(ChartPalette.state(state)), borderColor: .one("#ffffff"),
                borderWidth: 1, grouped: false)
        }
        return ReportChart(
            section: "timeline", id: "timeline",
            note: "one row per worker slot (a trial takes the lowest slot free when it starts)",
            config: ChartConfig(
                type: .bar, data: ChartData(labels: rows, datasets: datasets),
                options: ChartOptions(
                    title: "Worker timeline", legend: true,
                    scales: [
                        "x": .init(.linear, title: "seconds since the first trial started", min: 0),
                        "y": .init(.category),
                    ],
                    indexAxis: "y")))
    }

    static func advice(_ advice: BatchSizeAdvice) -> ReportChart {
        var datasets = [
            ChartDataset(
                label: "best lr",
                data: advice.rows.map { .point(x: Double($0.batchSize), y: $0.bestLR) },
                backgroundColor: .one("#1c7ed6"), pointRadius: 5)
        ]
        if let fit = advice.lrScaling, let first = advice.rows.first, let last = advice.rows.last {
            let sizes = [Double(first.batchSize), Double(last.batchSize)]
            datasets.append(
                ChartDataset(
                    label: "fit lr* ∝ batch^\(ReportFormat.fixed(fit.slope, decimals: 2))",
                    data: sizes.map { .point(x: $0, y: exp(fit.intercept + fit.slope * log($0))) },
                    type: .line, borderColor: .one("#c92a2a"), pointRadius: 0, showLine: true))
        }
        return ReportChart(
            section: "advice", id: "advice",
            config: ChartConfig(
                type: .scatter, data: ChartData(datasets: datasets),
                options: ChartOptions(
                    title: "best lr per batch size", legend: true,
                    scales: [
                        "x": .init(.logarithmic, title: "batch_size"),
                        "y": .init(.logarithmic, title: "lr"),
                    ])))
    }
}
