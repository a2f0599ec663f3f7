/// The metrics of ``DetectionMetrics``, each defined once: its name (the database column, the
/// JSON key of training results and the ranking CSV's header), its `sweep-cli eval --json` key and
/// the evaluation setting it is read from. The order is pycocotools' `stats`, then this project's
/// extra ranges; every list of metrics derives from `allCases`.
public enum DetectionMetric: String, CaseIterable, CodingKey, Sendable {
    case ap, ap50, ap75
    case apSmall = "ap_small"
    case apMedium = "ap_medium"
    case apLarge = "ap_large"
    case ar1, ar10, ar100
    case arSmall = "ar_small"
    case arMedium = "ar_medium"
    case arLarge = "ar_large"
    /// AP at IoU 0.5 over small objects (area ≤ 32²): the ranking's first tie-break.
    case ap50Small = "ap50_small"
    /// AI-TOD ranges (official `aitodpycocotools` parameters): very tiny [0, 8²], tiny [8², 16²],
    /// small [16², 32²], at maxDets 1500.
    case apVeryTiny = "ap_very_tiny"
    case apTiny = "ap_tiny"
    case apTinySmall = "ap_tiny_small"

    /// The name used as database column, JSON key and CSV header (`ap_small`).
    public var name: String { rawValue }

    /// pycocotools' 12 `stats`, in its order.
    public static let pycocotoolsStats = allCases.filter(\.source.isPycocotoolsStat)

    /// The key of `sweep-cli eval --json`: pycocotools' names, then `AP50s`, `APvt`, `APt`,
    /// `APs_aitod`.
    public var reportKey: String {
        switch self {
        case .ap: "AP"
        case .ap50: "AP50"
        case .ap75: "AP75"
        case .apSmall: "APs"
        case .apMedium: "APm"
        case .apLarge: "APl"
        case .ar1: "AR1"
        case .ar10: "AR10"
        case .ar100: "AR100"
        case .arSmall: "ARs"
        case .arMedium: "ARm"
        case .arLarge: "ARl"
        case .ap50Small: "AP50s"
        case .apVeryTiny: "APvt"
        case .apTiny: "APt"
        case .apTinySmall: "APs_aitod"
        }
    }

    /// The evaluation and setting the metric is read from.
    public var source: DetectionMetricSource {
        switch self {
        case .ap: .stat(precision: true, .all, maxDetectionsIndex: 2)
        case .ap50: .stat(precision: true, .all, maxDetectionsIndex: 2, iou: 0.5)
        case .ap75: .stat(precision: true, .all, maxDetectionsIndex: 2, iou: 0.75)
        case .apSmall: .stat(precision: true, .small, maxDetectionsIndex: 2)
        case .apMedium: .stat(precision: true, .medium, maxDetectionsIndex: 2)
        case .apLarge: .stat(precision: true, .large, maxDetectionsIndex: 2)
        case .ar1: .stat(precision: false, .all, maxDetectionsIndex: 0)
        case .ar10: .stat(precision: false, .all, maxDetectionsIndex: 1)
        case .ar100: .stat(precision: false, .all, maxDetectionsIndex: 2)
        case .arSmall: .stat(precision: false, .small, maxDetectionsIndex: 2)
        case .arMedium: .stat(precision: false, .medium, maxDetectionsIndex: 2)
        case .arLarge: .stat(precision: false, .large, maxDetectionsIndex: 2)
        case .ap50Small:
            DetectionMetricSource(
                evaluation: .coco, isPycocotoolsStat: false, isPrecision: true, area: .small,
                maxDetectionsIndex: 2, iouThreshold: 0.5)
        case .apVeryTiny: .aiTOD(.verytiny)
        case .apTiny: .aiTOD(.tiny)
        case .apTinySmall: .aiTOD(.small)
        }
    }

    /// The field of ``DetectionMetrics`` that holds the metric.
    public var keyPath: WritableKeyPath<DetectionMetrics, Double> {
        switch self {
        case .ap: \.ap
        case .ap50: \.ap50
        case .ap75: \.ap75
        case .apSmall: \.apSmall
        case .apMedium: \.apMedium
        case .apLarge: \.apLarge
        case .ar1: \.ar1
        case .ar10: \.ar10
        case .ar100: \.ar100
        case .arSmall: \.arSmall
        case .arMedium: \.arMedium
        case .arLarge: \.arLarge
        case .ap50Small: \.ap50Small
        case .apVeryTiny: \.apVeryTiny
        case .apTiny: \.apTiny
        case .apTinySmall: \.apTinySmall
        }
    }

    /// The metric's summary line, read from the COCO or the AI-TOD evaluation of one set of
    /// detections.
    public func summaryLine(coco: COCOEvaluation, aiTOD: COCOEvaluation) -> COCOSummaryLine {
        switch source.evaluation {
        case .coco: coco.summaryLine(source)
        case .aiTOD: aiTOD.summaryLine(source)
        }
    }
}
