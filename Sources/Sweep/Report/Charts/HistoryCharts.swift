/// The optimisation history charts: each trial's objective and the best so far.
enum HistoryCharts {
    static func charts(_ history: OptimizationHistory, objective: String) -> [ReportChart] {
        func chart(
            id: String, title: String, axis: String, steps: [OptimizationHistory.Step],
            x: (OptimizationHistory.Step) -> Double?
        ) -> ReportChart {
            let points = steps.compactMap { step in x(step).map { (step, $0) } }
            return ReportChart(
                section: "history", id: id,
                config: ChartConfig(
                    type: .scatter,
                    data: ChartData(datasets: [
                        ChartDataset(
                            label: "best so far",
                            data: points.map { .point(x: $1, y: $0.best) }, type: .line,
                            borderColor: .one("#c92a2a"), pointRadius: 0, showLine: true,
                            stepped: true, order: 0),
                        ChartDataset(
                            label: objective,
                            data: points.map { .point(x: $1, y: $0.objective) },
                            backgroundColor: .one("#1c7ed6"), pointRadius: 3, order: 1),
                    ]),
                    options: ChartOptions(
                        title: title, legend: true, numericPoints: true,
                        scales: [
                            "x": .init(.linear, title: axis),
                            "y": .init(.linear, title: objective),
                        ])))
        }
        return [
            chart(
                id: "history-trial", title: "\(objective) by trial number", axis: "trial",
                steps: history.byTrial
            ) { Double($0.trial) },
            chart(
                id: "history-time", title: "\(objective) by wall-clock time",
                axis: "seconds since the sweep was created",
                steps: history.byTime, x: \.elapsed),
        ]
    }
}
