/// A heatmap drawn as a matrix of squares: one point per cell on two category axes, coloured by
/// the cell's best or median objective; hovering a square shows its numbers.
enum HeatmapCharts {
    static func charts(
        _ heatmap: ObjectiveHeatmap, id: String, objective: String
    ) -> [ReportChart] {
        let statistics: [(name: String, value: (ObjectiveHeatmap.Cell) -> Double)] = [
            ("best", \.best), ("median", \.median),
        ]
        return statistics.map { statistic in
            let range = ChartPalette.range(heatmap.cells.map(statistic.value))
            let datasets = heatmap.cells.map { cell in
                ChartDataset(
                    label: "\(heatmap.xParameter.name) \(cell.x), \(heatmap.yParameter.name) "
                        + "\(cell.y): \(statistic.name) \(ReportFormat.fixed(statistic.value(cell), decimals: 4)) "
                        + "(\(cell.count) trials)",
                    data: [.cell(x: cell.x, y: cell.y)],
                    backgroundColor: .one(ChartPalette.objective(statistic.value(cell), in: range)),
                    pointRadius: 22, pointStyle: "rect")
            }
            return ReportChart(
                section: "heatmaps", id: "\(id)-\(statistic.name)",
                note:
                    "colour: \(statistic.name) \(objective) from \(ReportFormat.fixed(range.lowerBound, decimals: 4)) "
                    + "(dark) to \(ReportFormat.fixed(range.upperBound, decimals: 4)) (yellow)",
                config: ChartConfig(
                    type: .scatter, data: ChartData(datasets: datasets),
                    options: ChartOptions(
                        title: "\(statistic.name) \(objective): \(heatmap.xParameter.name) × "
                            + heatmap.yParameter.name,
                        scales: [
                            "x": .init(
                                .category, title: heatmap.xParameter.name, labels: heatmap.xLabels,
                                offset: true),
                            "y": .init(
                                .category, title: heatmap.yParameter.name, labels: heatmap.yLabels,
                                offset: true),
                        ])))
        }
    }
}
