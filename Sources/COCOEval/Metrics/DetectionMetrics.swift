/// The COCO summary numbers (pycocotools' `stats`, in its order) plus the extra ranges this project
/// ranks by. `-1` means undefined (no ground truth in that range), exactly as pycocotools reports.
public struct DetectionMetrics: Codable, Sendable, Equatable {
    public var ap: Double
    public var ap50: Double
    public var ap75: Double
    public var apSmall: Double
    public var apMedium: Double
    public var apLarge: Double
    public var ar1: Double
    public var ar10: Double
    public var ar100: Double
    public var arSmall: Double
    public var arMedium: Double
    public var arLarge: Double
    /// AP at IoU 0.5 over small objects (area ≤ 32²): the ranking's first tie-break.
    public var ap50Small: Double
    /// AI-TOD ranges (official `aitodpycocotools` parameters): very tiny [0, 8²], tiny [8², 16²],
    /// small [16², 32²], at maxDets 1500.
    public var apVeryTiny: Double
    public var apTiny: Double
    public var apTinySmall: Double

    public init(
        ap: Double, ap50: Double, ap75: Double, apSmall: Double, apMedium: Double,
        apLarge: Double, ar1: Double, ar10: Double, ar100: Double, arSmall: Double,
        arMedium: Double, arLarge: Double, ap50Small: Double, apVeryTiny: Double,
        apTiny: Double, apTinySmall: Double
    ) {
        self.ap = ap
        self.ap50 = ap50
        self.ap75 = ap75
        self.apSmall = apSmall
        self.apMedium = apMedium
        self.apLarge = apLarge
        self.ar1 = ar1
        self.ar10 = ar10
        self.ar100 = ar100
        self.arSmall = arSmall
        self.arMedium = arMedium
        self.arLarge = arLarge
        self.ap50Small = ap50Small
        self.apVeryTiny = apVeryTiny
        self.apTiny = apTiny
        self.apTinySmall = apTinySmall
    }

    enum CodingKeys: String, CodingKey {
        case ap, ap50, ap75
        case apSmall = "ap_small"
        case apMedium = "ap_medium"
        case apLarge = "ap_large"
        case ar1, ar10, ar100
        case arSmall = "ar_small"
        case arMedium = "ar_medium"
        case arLarge = "ar_large"
        case ap50Small = "ap50_small"
        case apVeryTiny = "ap_very_tiny"
        case apTiny = "ap_tiny"
        case apTinySmall = "ap_tiny_small"
    }
}
