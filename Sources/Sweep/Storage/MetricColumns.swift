import Foundation
import GRDB
import Trainer

/// The database columns of ``DetectionMetrics``: one per ``DetectionMetric``, named by it, in its
/// order; shared by `epoch_metric` and `final_metric` (of the SQLite and PostgreSQL stores).
public enum MetricColumns {
    public static let names = DetectionMetric.allCases.map(\.name)

    /// The text column holding ``DetectionMetrics/reported`` as a JSON object (NULL when
    /// empty; NaN and infinities spelled "nan", "inf", "-inf").
    public static let reported = "reported_metrics"

    /// ``DetectionMetrics/reported`` of `metrics` as stored in ``reported``.
    public static func reportedText(_ metrics: DetectionMetrics) -> String? {
        guard !metrics.reported.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? encoder.encode(metrics.reported)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The metrics a ``reported`` column's `text` holds; empty for NULL or unreadable text.
    public static func reported(from text: String?) -> [String: Double] {
        guard let text else { return [:] }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? decoder.decode([String: Double].self, from: Data(text.utf8))) ?? [:]
    }

    /// The values of `metrics` in the order of ``names``.
    public static func values(_ metrics: DetectionMetrics) -> [Double] {
        DetectionMetric.allCases.map { metrics[$0] }
    }

    /// Reads the metrics from `row`; nil when the row has none (no evaluation ran, or a LEFT JOIN
    /// found no row). A stored NULL inside a present row reads as NaN (SQLite stores NaN as NULL;
    /// a command trainer may report only some metrics, or only its own).
    static func metrics(from row: Row, prefix: String = "") -> DetectionMetrics? {
        guard row.hasColumn(prefix + DetectionMetric.ap.name) else { return nil }
        let reported = reported(from: row[prefix + Self.reported])
        guard !reported.isEmpty || names.contains(where: { (row[prefix + $0] as Double?) != nil })
        else {
            return nil
        }
        var metrics = DetectionMetrics { (row[prefix + $0.name] as Double?) ?? .nan }
        metrics.reported = reported
        return metrics
    }

    /// `name = excluded.name, …` for an upsert of every metric column, ``reported`` included.
    static var upsertAssignments: String {
        (names + [reported]).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
}
