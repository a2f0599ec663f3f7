import Foundation

/// One summary number with its setting, printed the way pycocotools' `summarize()` prints it:
/// ` Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.123`.
public struct COCOSummaryLine: Sendable, Equatable {
    /// Average precision (`true`) or average recall (`false`).
    public var isPrecision: Bool
    /// A single IoU threshold, or nil for the mean over all thresholds.
    public var iouThreshold: Double?
    public var area: COCOArea
    public var maxDetections: Int
    public var value: Double

    public init(
        isPrecision: Bool, iouThreshold: Double?, area: COCOArea, maxDetections: Int, value: Double
    ) {
        self.isPrecision = isPrecision
        self.iouThreshold = iouThreshold
        self.area = area
        self.maxDetections = maxDetections
        self.value = value
    }

    /// The pycocotools line for this number; `thresholds` are the evaluation's IoU thresholds
    /// (for the `0.50:0.95` label).
    public func formatted(thresholds: [Double]) -> String {
        let title = (isPrecision ? "Average Precision" : "Average Recall")
            .padding(toLength: 18, withPad: " ", startingAt: 0)
        let kind = isPrecision ? "(AP)" : "(AR)"
        let iou =
            iouThreshold.map { String(format: "%0.2f", $0) }
            ?? String(format: "%0.2f:%0.2f", thresholds.first ?? 0, thresholds.last ?? 0)
        let paddedIoU = iou.count >= 9 ? iou : iou.padding(toLength: 9, withPad: " ", startingAt: 0)
        let name = area.rawValue
        let paddedArea = String(repeating: " ", count: max(0, 6 - name.count)) + name
        let maxDets = String(maxDetections)
        let paddedMaxDets = String(repeating: " ", count: max(0, 3 - maxDets.count)) + maxDets
        let setting = "IoU=\(paddedIoU) | area=\(paddedArea) | maxDets=\(paddedMaxDets)"
        return " \(title) \(kind) @[ \(setting) ] = " + String(format: "%0.3f", value)
    }
}
