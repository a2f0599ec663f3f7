/// The parameters of a COCO bbox evaluation: the same algorithm serves the COCO defaults and the
/// AI-TOD tiny-object ranges, which differ only here.
public struct COCOEvalParameters: Sendable, Equatable {
    /// IoU thresholds, ascending; a detection matches a gt when IoU ≥ threshold.
    public var iouThresholds: [Double]
    /// Recall thresholds at which interpolated precision is sampled.
    public var recallThresholds: [Double]
    /// Area ranges, evaluated independently.
    public var areaRanges: [COCOAreaRange]
    /// Detection caps per image and category, ascending; the last one also bounds matching.
    public var maxDetections: [Int]

    public init(
        iouThresholds: [Double] = COCOEvalParameters.linspace(0.5, 0.95, count: 10),
        recallThresholds: [Double] = COCOEvalParameters.linspace(0, 1, count: 101),
        areaRanges: [COCOAreaRange],
        maxDetections: [Int]
    ) {
        precondition(!iouThresholds.isEmpty, "COCOEvalParameters: no IoU thresholds")
        precondition(
            recallThresholds == recallThresholds.sorted(),
            "COCOEvalParameters: recall thresholds must be ascending")
        precondition(!areaRanges.isEmpty, "COCOEvalParameters: no area ranges")
        precondition(
            !maxDetections.isEmpty && maxDetections.allSatisfy { $0 > 0 }
                && maxDetections == maxDetections.sorted(),
            "COCOEvalParameters: maxDetections must be positive and ascending, got \(maxDetections)"
        )
        self.iouThresholds = iouThresholds
        self.recallThresholds = recallThresholds
        self.areaRanges = areaRanges
        self.maxDetections = maxDetections
    }

    /// pycocotools' defaults: areas all / small [0, 32²] / medium [32², 96²] / large [96², 1e10],
    /// maxDets 1, 10, 100.
    public static let coco = COCOEvalParameters(
        areaRanges: [
            COCOAreaRange(area: .all, lower: 0, upper: 1e10),
            COCOAreaRange(area: .small, lower: 0, upper: 1024),
            COCOAreaRange(area: .medium, lower: 1024, upper: 9216),
            COCOAreaRange(area: .large, lower: 9216, upper: 1e10),
        ],
        maxDetections: [1, 10, 100])

    /// The official AI-TOD evaluator's parameters (`aitodpycocotools`, `Params.setDetParams`):
    /// all / verytiny [0, 8²] / tiny [8², 16²] / small [16², 32²] / medium [32², 1e10],
    /// maxDets 1, 100, 1500.
    public static let aiTOD = COCOEvalParameters(
        areaRanges: [
            COCOAreaRange(area: .all, lower: 0, upper: 1e10),
            COCOAreaRange(area: .verytiny, lower: 0, upper: 64),
            COCOAreaRange(area: .tiny, lower: 64, upper: 256),
            COCOAreaRange(area: .small, lower: 256, upper: 1024),
            COCOAreaRange(area: .medium, lower: 1024, upper: 1e10),
        ],
        maxDetections: [1, 100, 1500])

    /// `numpy.linspace(start, stop, count)` bit for bit: `i·step + start` with
    /// `step = (stop − start)/(count − 1)`, and the last value forced to `stop`. This yields
    /// 0.8999999999999999 (not 0.9) among the IoU thresholds and `i·0.01`-style recall thresholds.
    public static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        precondition(count >= 2, "linspace needs at least 2 points, got \(count)")
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    /// The position of `area` among ``areaRanges``; asking for a range the parameters lack (`tiny`
    /// of ``coco``) is a programmer error.
    func areaIndex(_ area: COCOArea) -> Int {
        guard let index = areaRanges.firstIndex(where: { $0.area == area }) else {
            preconditionFailure("COCOEvalParameters: no '\(area.rawValue)' area range")
        }
        return index
    }

    func maxDetectionsIndex(_ maxDets: Int) -> Int {
        guard let index = maxDetections.firstIndex(of: maxDets) else {
            preconditionFailure("COCOEvalParameters: maxDets \(maxDets) not in \(maxDetections)")
        }
        return index
    }
}
