import Foundation

/// How a heatmap axis labels a parameter's values: one label per distinct value, or, for a
/// numeric parameter with more than `maxBins` values, equal-width bins (in log space for a log
/// axis) labelled `≥ lower edge`.
struct HeatmapBins {
    let parameter: ReportParameter
    /// The labels in ascending order of value.
    let labels: [String]
    private let edges: [Double]?

    init(parameter: ReportParameter, points: [ObjectivePoint], maxBins: Int) {
        self.parameter = parameter
        let values = points.map { parameter.value(of: $0.parameters) }
        let distinct = Set(values)
        guard parameter.categories == nil, distinct.count > maxBins,
            let low = values.min(), let high = values.max()
        else {
            var seen: [String: Double] = [:]
            for point in points {
                seen[parameter.text(of: point.parameters)] = parameter.value(of: point.parameters)
            }
            labels = seen.sorted { $0.value < $1.value }.map(\.key)
            edges = nil
            return
        }
        let logScale = parameter.log && low > 0
        let (a, b) = logScale ? (log10(low), log10(high)) : (low, high)
        let edges = (0..<maxBins).map { step -> Double in
            let edge = a + (b - a) * Double(step) / Double(maxBins)
            return logScale ? pow(10, edge) : edge
        }
        self.edges = edges
        labels = edges.map { "≥ " + Self.short($0) }
    }

    /// The label of the cell `parameters` falls in.
    func label(of parameters: TrialParameters) -> String {
        guard let edges else { return parameter.text(of: parameters) }
        let value = parameter.value(of: parameters)
        let bin = edges.lastIndex { $0 <= value } ?? 0
        return labels[bin]
    }

    /// Three significant digits.
    static func short(_ value: Double) -> String { String(format: "%.3g", value) }
}
