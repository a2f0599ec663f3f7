/// One chart of the report: where it goes, its heading, an optional note under it, and its
/// Chart.js config.
public struct ReportChart: Encodable, Sendable, Equatable {
    /// The section it belongs to (`history`, `parameters`, …).
    public var section: String
    public var id: String
    public var note: String?
    public var config: ChartConfig

    public init(section: String, id: String, note: String? = nil, config: ChartConfig) {
        self.section = section
        self.id = id
        self.note = note
        self.config = config
    }

    /// At most this many trials are drawn as lines (parallel coordinates, learning curves), the
    /// best ranked first, so a huge sweep stays readable and quick to draw.
    public static let maxLines = 300
}
