import GRDB
import Trainer

/// The database columns of ``DetectionMetrics``, in pycocotools' `stats` order followed by this
/// project's extra ranges; shared by `epoch_metric` and `final_metric`.
enum MetricColumns {
    static let names = [
        "ap", "ap50", "ap75", "ap_small", "ap_medium", "ap_large",
        "ar1", "ar10", "ar100", "ar_small", "ar_medium", "ar_large",
        "ap50_small", "ap_very_tiny", "ap_tiny", "ap_tiny_small",
    ]

    /// The values of `metrics` in the order of ``names``.
    static func values(_ m: DetectionMetrics) -> [Double] {
        [
            m.ap, m.ap50, m.ap75, m.apSmall, m.apMedium, m.apLarge,
            m.ar1, m.ar10, m.ar100, m.arSmall, m.arMedium, m.arLarge,
            m.ap50Small, m.apVeryTiny, m.apTiny, m.apTinySmall,
        ]
    }

    /// Reads the metrics from `row`; nil when the row has none (no evaluation ran, or a LEFT JOIN
    /// found no row). A stored NULL inside a present row reads as NaN (SQLite stores NaN as NULL).
    static func metrics(from row: Row, prefix: String = "") -> DetectionMetrics? {
        guard row.hasColumn(prefix + "ap"), (row[prefix + "ap"] as Double?) != nil else {
            return nil
        }
        let v = names.map { (row[prefix + $0] as Double?) ?? .nan }
        return DetectionMetrics(
            ap: v[0], ap50: v[1], ap75: v[2], apSmall: v[3], apMedium: v[4], apLarge: v[5],
            ar1: v[6], ar10: v[7], ar100: v[8], arSmall: v[9], arMedium: v[10], arLarge: v[11],
            ap50Small: v[12], apVeryTiny: v[13], apTiny: v[14], apTinySmall: v[15])
    }

    /// `name = excluded.name, …` for an upsert of every metric column.
    static var upsertAssignments: String {
        names.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
}
