import GRDB
import Trainer

/// The database columns of ``DetectionMetrics``: one per ``DetectionMetric``, named by it, in its
/// order; shared by `epoch_metric` and `final_metric` (of the SQLite and PostgreSQL stores).
public enum MetricColumns {
    public static let names = DetectionMetric.allCases.map(\.name)

    /// The values of `metrics` in the order of ``names``.
    public static func values(_ metrics: DetectionMetrics) -> [Double] {
        DetectionMetric.allCases.map { metrics[$0] }
    }

    /// Reads the metrics from `row`; nil when the row has none (no evaluation ran, or a LEFT JOIN
    /// found no row). A stored NULL inside a present row reads as NaN (SQLite stores NaN as NULL;
    /// a command trainer may report only some metrics).
    static func metrics(from row: Row, prefix: String = "") -> DetectionMetrics? {
        guard row.hasColumn(prefix + DetectionMetric.ap.name),
            names.contains(where: { (row[prefix + $0] as Double?) != nil })
        else {
            return nil
        }
        return DetectionMetrics { (row[prefix + $0.name] as Double?) ?? .nan }
    }

    /// `name = excluded.name, …` for an upsert of every metric column.
    static var upsertAssignments: String {
        names.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
}
