/// A box in corner form, with its `w·h` area, precomputed once so that IoU takes no conversions.
/// The corners are computed exactly as pycocotools' `bbIou` does (`x + w`), so results match bit for bit.
struct COCOFlatBox: Sendable {
    var x1: Double
    var y1: Double
    var x2: Double
    var y2: Double
    /// `w·h` of the box (not the annotation's `area` field).
    var boxArea: Double

    init(_ box: COCOBox) {
        x1 = box.x
        y1 = box.y
        x2 = box.width + box.x
        y2 = box.height + box.y
        boxArea = box.width * box.height
    }

    /// pycocotools' `bbIou` of detection `self` against gt `gt`: intersection over union, or over
    /// the detection's area alone when the gt is a crowd region. 0 when the boxes do not overlap.
    @inline(__always)
    func iou(gt: COCOFlatBox, gtIsCrowd: Bool) -> Double {
        let width = min(x2, gt.x2) - max(x1, gt.x1)
        if width <= 0 { return 0 }
        let height = min(y2, gt.y2) - max(y1, gt.y1)
        if height <= 0 { return 0 }
        let intersection = width * height
        let union = gtIsCrowd ? boxArea : (boxArea + gt.boxArea) - intersection
        return intersection / union
    }
}
