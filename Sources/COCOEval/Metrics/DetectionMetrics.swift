/// The COCO summary numbers (pycocotools' `stats`, in its order) plus the extra ranges this project
/// ranks by. `-1` means undefined (no ground truth in that range), exactly as pycocotools reports.
/// Names, JSON keys and where each value comes from are defined once, by ``DetectionMetric``.
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
    /// See ``DetectionMetric/ap50Small``.
    public var ap50Small: Double
    /// See ``DetectionMetric/apVeryTiny``.
    public var apVeryTiny: Double
    public var apTiny: Double
    public var apTinySmall: Double
    /// Metrics outside this set, by name, that a command trainer reported under its own names
    /// (`val_loss`); empty for the evaluator's and the embedded trainer's results.
    public var reported: [String: Double] = [:]

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

    /// Every metric set to `value(metric)`.
    public init(_ value: (DetectionMetric) throws -> Double) rethrows {
        self.init(
            ap: 0, ap50: 0, ap75: 0, apSmall: 0, apMedium: 0, apLarge: 0, ar1: 0, ar10: 0,
            ar100: 0, arSmall: 0, arMedium: 0, arLarge: 0, ap50Small: 0, apVeryTiny: 0, apTiny: 0,
            apTinySmall: 0)
        for metric in DetectionMetric.allCases {
            self[keyPath: metric.keyPath] = try value(metric)
        }
    }

    /// Every metric undefined (-1), as pycocotools reports a range without ground truth.
    public static let undefined = DetectionMetrics { _ in -1 }

    /// The value of `metric`.
    public subscript(metric: DetectionMetric) -> Double {
        get { self[keyPath: metric.keyPath] }
        set { self[keyPath: metric.keyPath] = newValue }
    }

    /// Decodes an object with one key per ``DetectionMetric`` name, and any other numeric keys
    /// into ``reported``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DetectionMetric.self)
        try self.init { try container.decode(Double.self, forKey: $0) }
        reported = try Self.reported(in: decoder)
    }

    /// Encodes one key per ``DetectionMetric`` name, in `allCases` order, then ``reported``'s
    /// keys in name order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DetectionMetric.self)
        for metric in DetectionMetric.allCases {
            try container.encode(self[metric], forKey: metric)
        }
        var others = encoder.container(keyedBy: ReportedKey.self)
        for (name, value) in reported.sorted(by: { $0.key < $1.key }) {
            try others.encode(value, forKey: ReportedKey(name))
        }
    }

    /// The numeric values of `decoder`'s object under keys that are not ``DetectionMetric``
    /// names nor in `excluded` (a message's own fields); other values are skipped.
    public static func reported(
        in decoder: any Decoder, excluding excluded: Set<String> = []
    ) throws -> [String: Double] {
        let container = try decoder.container(keyedBy: ReportedKey.self)
        var values: [String: Double] = [:]
        for key in container.allKeys
        where DetectionMetric(rawValue: key.stringValue) == nil
            && !excluded.contains(key.stringValue)
        {
            if let value = try? container.decode(Double.self, forKey: key) {
                values[key.stringValue] = value
            }
        }
        return values
    }

    /// A key of ``reported``.
    public struct ReportedKey: CodingKey {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(_ name: String) { stringValue = name }
        public init?(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }
}
