/// The best (highest, or lowest when minimised) and median objective per cell of two parameters (batch_size × loss, lr × batch_size).
public struct ObjectiveHeatmap: Sendable, Equatable {
    /// One cell: its column and row labels, the number of trials in it, their best and median.
    public struct Cell: Sendable, Equatable {
        public var x: String
        public var y: String
        public var count: Int
        public var best: Double
        public var median: Double
    }

    public var xParameter: ReportParameter
    public var yParameter: ReportParameter
    /// Column and row labels in ascending order of the parameter's value.
    public var xLabels: [String]
    public var yLabels: [String]
    /// The cells that hold at least one trial, row by row.
    public var cells: [Cell]

    /// A numeric parameter with more distinct values than this is binned (log-spaced bins where
    /// its axis is logarithmic), each bin labelled by its lower edge.
    public static let maxColumns = 8

    public init(points: [ObjectivePoint], x: ReportParameter, y: ReportParameter) {
        xParameter = x
        yParameter = y
        let xLabel = HeatmapBins(parameter: x, points: points, maxBins: Self.maxColumns)
        let yLabel = HeatmapBins(parameter: y, points: points, maxBins: Self.maxColumns)
        xLabels = xLabel.labels
        yLabels = yLabel.labels
        var groups: [String: [String: [Double]]] = [:]
        for point in points {
            groups[yLabel.label(of: point.parameters), default: [:]][
                xLabel.label(of: point.parameters), default: []
            ].append(point.objective)
        }
        let goal = points.first?.goal ?? .maximize
        var cells: [Cell] = []
        for row in yLabels {
            for column in xLabels {
                guard let values = groups[row]?[column],
                    let best = values.max(by: { goal.oriented($0) < goal.oriented($1) })
                else { continue }
                cells.append(
                    Cell(
                        x: column, y: row, count: values.count, best: best,
                        median: Self.median(values)))
            }
        }
        self.cells = cells
    }

    /// The median of `values` (the mean of the two middle values for an even count).
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
