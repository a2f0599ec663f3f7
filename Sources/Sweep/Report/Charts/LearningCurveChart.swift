import Trainer

/// Per-epoch objective of every trial, pruned trials drawn to where they stopped, with the early
/// stopping rungs marked.
public enum LearningCurveChart {
    /// One trial's stored epochs.
    struct Curve {
        var trial: Int
        var state: TrialState
        var epochs: [EpochReport]
    }

    /// The trials whose curves are drawn: the ranked ones (best first), then the running and
    /// diverged ones, at most ``ReportChart/maxLines``.
    public static func trials(_ trials: [TrialRecord], ranking: [RankedTrial]) -> [TrialRecord] {
        let others = trials.filter { $0.state == .running || $0.state == .diverged }
        return Array((ranking.map(\.trial) + others).prefix(ReportChart.maxLines))
    }

    /// `total` is the number of trials that have a curve to draw.
    static func chart(
        _ curves: [Curve], total: Int, rungs: [Int], rule: String?,
        objective metric: Objective
    ) -> ReportChart {
        let objective = metric.name
        let drawn = curves.prefix(ReportChart.maxLines)
        var datasets = drawn.reversed().map { curve in
            ChartDataset(
                label: "trial \(curve.trial) (\(curve.state.rawValue))",
                data: curve.epochs.compactMap { report in
                    metric.objectiveValue(report.metrics).map {
                        .point(x: Double(report.epoch), y: $0)
                    }
                },
                type: .line, borderColor: .one(ChartPalette.state(curve.state)),
                borderWidth: curve.state == .pruned ? 1 : 1.5, pointRadius: 1.5, showLine: true)
        }
        let values = drawn.flatMap { $0.epochs.compactMap { metric.objectiveValue($0.metrics) } }
        let top = values.max() ?? 1
        let bottom = min(0, values.min() ?? 0)
        datasets += rungs.map { rung in
            ChartDataset(
                label: "rung at epoch \(rung)",
                data: [.point(x: Double(rung), y: bottom), .point(x: Double(rung), y: top)],
                type: .line, borderColor: .one("rgba(0,0,0,0.35)"), borderWidth: 2,
                pointRadius: 0, showLine: true, order: -1)
        }
        var notes: [String] = []
        if let rule {
            notes.append("early stopping: \(rule); grey vertical lines mark its decision epochs")
        }
        notes.append("green completed, orange pruned (drawn to the epoch it stopped), red diverged")
        if total > drawn.count {
            notes.append("the best \(drawn.count) of \(total) trials drawn")
        }
        return ReportChart(
            section: "curves", id: "curves", note: notes.joined(separator: "; "),
            config: ChartConfig(
                type: .scatter, data: ChartData(datasets: datasets),
                options: ChartOptions(
                    title: "\(objective) per epoch", numericPoints: true,
                    scales: [
                        "x": .init(.linear, title: "epoch"), "y": .init(.linear, title: objective),
                    ])))
    }
}
