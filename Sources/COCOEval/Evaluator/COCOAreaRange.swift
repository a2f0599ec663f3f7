/// A named object-area range used by the COCO evaluator, both ends included (`lower ≤ area ≤ upper`),
/// applied to the ground-truth `area` field and to a detection's box area (`w·h`).
public struct COCOAreaRange: Sendable, Equatable {
    /// The name pycocotools prints and summaries select by.
    public var area: COCOArea
    public var lower: Double
    public var upper: Double

    public init(area: COCOArea, lower: Double, upper: Double) {
        self.area = area
        self.lower = lower
        self.upper = upper
    }

    /// Whether `area` lies outside the range (the test pycocotools uses to ignore an object).
    @inlinable
    func excludes(_ area: Double) -> Bool {
        area < lower || area > upper
    }
}
