import Foundation

/// Parallel coordinates over the searched parameters and a slice plot per parameter.
enum ParameterCharts {
    /// One line per trial across the parameters that vary (each scaled to 0…1, log where the
    /// parameter is log-scaled) and the objective, coloured by the objective.
    static func parallelCoordinates(
        _ points: [ObjectivePoint], parameters: [ReportParameter], objective: String
    ) -> ReportChart {
        let range = ChartPalette.range(points.map(\.objective))
        let axes = parameters.filter { parameter in
            Set(points.map { parameter.value(of: $0.parameters) }).count > 1
        }
        let scaled = axes.map { axis in scale(points.map { axis.value(of: $0.parameters) }, axis) }
        let labels =
            axes.map { axis in axisLabel(axis, values: points.map { axis.value(of: $0.parameters) })
            }
            + [
                "\(objective) (\(ReportFormat.fixed(range.lowerBound, decimals: 4))–\(ReportFormat.fixed(range.upperBound, decimals: 4)))"
            ]
        let objectiveScaled = scale(points.map(\.objective), ReportParameter(name: objective))
        let drawn = points.indices.sorted { points[$0].score > points[$1].score }
            .prefix(ReportChart.maxLines)
        let datasets = drawn.reversed().map { row in
            ChartDataset(
                label: "trial \(points[row].trial)",
                data: (scaled.map { .value($0[row]) } + [.value(objectiveScaled[row])]),
                borderColor: .one(ChartPalette.objective(points[row].objective, in: range)),
                borderWidth: 1.5, pointRadius: 2)
        }
        let note =
            points.count > drawn.count
            ? "the best \(drawn.count) of \(points.count) ranked trials drawn" : nil
        return ReportChart(
            section: "parameters", id: "parallel", note: note,
            config: ChartConfig(
                type: .line, data: ChartData(labels: labels, datasets: datasets),
                options: ChartOptions(
                    title:
                        "Parallel coordinates (each axis scaled to its range), coloured by \(objective)",
                    scales: [
                        "x": .init(.category),
                        "y": .init(
                            .linear, title: "position within the axis' range", min: 0, max: 1),
                    ])))
    }

    /// The objective against each parameter that takes more than one value (all of them while
    /// nothing is ranked, so the section is never empty).
    static func slices(
        _ points: [ObjectivePoint], parameters: [ReportParameter], objective: String
    ) -> [ReportChart] {
        let varying = parameters.filter { parameter in
            Set(points.map { parameter.value(of: $0.parameters) }).count > 1
        }
        return (varying.isEmpty ? parameters : varying).map { parameter in
            let datasets = [TrialState.completed, .pruned].map { state in
                ChartDataset(
                    label: state.rawValue,
                    data: points.filter { $0.state == state }.map { point -> ChartValue in
                        if parameter.categories != nil {
                            return .labelled(
                                x: parameter.text(of: point.parameters), y: point.objective)
                        }
                        return .point(x: parameter.value(of: point.parameters), y: point.objective)
                    },
                    backgroundColor: .one(ChartPalette.state(state)), pointRadius: 3)
            }
            let xScale: ChartOptions.Scale =
                parameter.categories.map {
                    .init(.category, title: parameter.name, labels: $0, offset: true)
                }
                ?? .init(parameter.log ? .logarithmic : .linear, title: parameter.name)
            return ReportChart(
                section: "slices", id: "slice-\(parameter.name)",
                config: ChartConfig(
                    type: .scatter,
                    data: ChartData(datasets: datasets),
                    options: ChartOptions(
                        title: "\(objective) against \(parameter.name)", legend: true,
                        numericPoints: parameter.categories == nil,
                        scales: ["x": xScale, "y": .init(.linear, title: objective)])))
        }
    }

    /// `values` mapped to 0…1 over their range (log10 first where `axis` is log-scaled).
    static func scale(_ values: [Double], _ axis: ReportParameter) -> [Double] {
        let mapped = values.map { axis.log && $0 > 0 ? log10($0) : $0 }
        guard let low = mapped.min(), let high = mapped.max(), high > low else {
            return mapped.map { _ in 0.5 }
        }
        return mapped.map { ($0 - low) / (high - low) }
    }

    private static func axisLabel(_ axis: ReportParameter, values: [Double]) -> String {
        if let categories = axis.categories {
            return "\(axis.name) (\(categories.joined(separator: " → ")))"
        }
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        return "\(axis.name) (\(HeatmapBins.short(low))–\(HeatmapBins.short(high))"
            + "\(axis.log ? ", log" : ""))"
    }
}
