/// A Chart.js chart: the object the report's script passes to `new Chart(canvas, config)`,
/// encoded as JSON (`nil` properties are left out, so Chart.js keeps its defaults).
public struct ChartConfig: Encodable, Sendable, Equatable {
    public enum Kind: String, Encodable, Sendable {
        case line, scatter, bar
    }

    public var type: Kind
    public var data: ChartData
    public var options: ChartOptions

    public init(type: Kind, data: ChartData, options: ChartOptions) {
        self.type = type
        self.data = data
        self.options = options
    }
}

/// A chart's category labels (bar and line charts) and data sets.
public struct ChartData: Encodable, Sendable, Equatable {
    public var labels: [String]?
    public var datasets: [ChartDataset]

    public init(labels: [String]? = nil, datasets: [ChartDataset]) {
        self.labels = labels
        self.datasets = datasets
    }
}

/// One data set of a chart.
public struct ChartDataset: Encodable, Sendable, Equatable {
    public var label: String
    public var data: [ChartValue]
    public var type: ChartConfig.Kind?
    public var backgroundColor: ChartColor?
    public var borderColor: ChartColor?
    public var borderWidth: Double?
    public var pointRadius: Double?
    public var pointStyle: String?
    public var showLine: Bool?
    public var stepped: Bool?
    public var fill: Bool?
    /// Drawing order: lower numbers are drawn on top.
    public var order: Int?
    /// False draws bars of several data sets on one row (the timeline).
    public var grouped: Bool?

    public init(
        label: String, data: [ChartValue], type: ChartConfig.Kind? = nil,
        backgroundColor: ChartColor? = nil, borderColor: ChartColor? = nil,
        borderWidth: Double? = nil, pointRadius: Double? = nil, pointStyle: String? = nil,
        showLine: Bool? = nil, stepped: Bool? = nil, fill: Bool? = nil, order: Int? = nil,
        grouped: Bool? = nil
    ) {
        self.label = label
        self.data = data
        self.type = type
        self.backgroundColor = backgroundColor
        self.borderColor = borderColor
        self.borderWidth = borderWidth
        self.pointRadius = pointRadius
        self.pointStyle = pointStyle
        self.showLine = showLine
        self.stepped = stepped
        self.fill = fill
        self.order = order
        self.grouped = grouped
    }
}

/// One colour for the whole data set, or one per data point.
public enum ChartColor: Encodable, Sendable, Equatable {
    case one(String)
    case each([String])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .one(let color): try container.encode(color)
        case .each(let colors): try container.encode(colors)
        }
    }
}

/// A data point in one of the shapes Chart.js parses.
public enum ChartValue: Encodable, Sendable, Equatable {
    /// A value on a category axis (line and bar charts); nil leaves a gap.
    case value(Double?)
    /// A point on two numeric axes.
    case point(x: Double, y: Double)
    /// A point on two category axes (the heatmap's squares).
    case cell(x: String, y: String)
    /// A point at a category along x (parallel coordinates, slices of a category).
    case labelled(x: String, y: Double)
    /// A floating horizontal bar from `start` to `end` on the row `row` (the worker timeline).
    case span(start: Double, end: Double, row: String)

    private enum Keys: String, CodingKey { case x, y }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .value(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .point(let x, let y):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(x, forKey: .x)
            try container.encode(y, forKey: .y)
        case .cell(let x, let y):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(x, forKey: .x)
            try container.encode(y, forKey: .y)
        case .labelled(let x, let y):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(x, forKey: .x)
            try container.encode(y, forKey: .y)
        case .span(let start, let end, let row):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode([start, end], forKey: .x)
            try container.encode(row, forKey: .y)
        }
    }
}
