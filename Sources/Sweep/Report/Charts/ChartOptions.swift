/// The options of a chart that the report sets; everything else keeps Chart.js' defaults.
/// Animation is off so a chart is drawn completely as soon as it is made.
public struct ChartOptions: Encodable, Sendable, Equatable {
    /// A chart or axis title.
    public struct Title: Encodable, Sendable, Equatable {
        public var display = true
        public var text: String

        public init(_ text: String) { self.text = text }
    }

    public struct Legend: Encodable, Sendable, Equatable {
        public var display: Bool
    }

    public struct Plugins: Encodable, Sendable, Equatable {
        public var title: Title
        public var legend: Legend
    }

    /// One axis.
    public struct Scale: Encodable, Sendable, Equatable {
        public enum Kind: String, Encodable, Sendable {
            case linear, logarithmic, category
        }

        public var type: Kind
        public var title: Title?
        public var labels: [String]?
        public var min: Double?
        public var max: Double?
        public var offset: Bool?
        public var reverse: Bool?

        public init(
            _ type: Kind, title: String? = nil, labels: [String]? = nil, min: Double? = nil,
            max: Double? = nil, offset: Bool? = nil, reverse: Bool? = nil
        ) {
            self.type = type
            self.title = title.map(Title.init)
            self.labels = labels
            self.min = min
            self.max = max
            self.offset = offset
            self.reverse = reverse
        }
    }

    public var animation = false
    public var responsive = true
    public var maintainAspectRatio = false
    /// False (with ``normalized``) when every data set holds `{x, y}` points on numeric axes,
    /// sorted by x where lines join them: Chart.js then skips parsing, which matters for
    /// 10,000-point sweeps.
    public var parsing: Bool?
    public var normalized: Bool?
    /// `y` for horizontal bars.
    public var indexAxis: String?
    public var plugins: Plugins
    public var scales: [String: Scale]

    public init(
        title: String, legend: Bool = false, numericPoints: Bool = false,
        scales: [String: Scale], indexAxis: String? = nil
    ) {
        plugins = Plugins(title: Title(title), legend: Legend(display: legend))
        self.scales = scales
        self.indexAxis = indexAxis
        if numericPoints {
            parsing = false
            normalized = true
        }
    }
}
