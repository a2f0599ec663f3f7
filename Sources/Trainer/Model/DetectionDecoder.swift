/// Turns detector outputs into scored boxes: 3×3 peak extraction on the sigmoid heatmaps
/// (a cell counts when no neighbour of the same class scores higher — CenterNet's max-pool
/// NMS), then the `maxDetections` best peaks per image with their regressed boxes, clipped to
/// the image.
public struct DetectionDecoder: Sendable {
    public var classCount: Int
    public var stride: Int
    public var maxDetections: Int
    /// Peaks below this score are dropped before ranking.
    public var minimumScore: Float

    public init(classCount: Int, stride: Int, maxDetections: Int = 100, minimumScore: Float = 0.001)
    {
        self.classCount = classCount
        self.stride = stride
        self.maxDetections = maxDetections
        self.minimumScore = minimumScore
    }

    /// A decoded box in pixels with its zero-based class and score.
    public struct Detection: Sendable, Equatable {
        public var classIndex: Int
        public var box: BoundingBox
        public var score: Float
    }

    /// The detections of batch item `item` of `output` (`[N, classCount + 4, h, w]`) for an
    /// image of `imageWidth × imageHeight` pixels, best first, at most ``maxDetections``.
    public func decode(_ output: Tensor, item: Int, imageWidth: Int, imageHeight: Int)
        -> [Detection]
    {
        precondition(output.c == classCount + 4, "DetectionDecoder: \(output.c) channels")
        let h = output.h
        let w = output.w
        let plane = output.planeCount
        let base = output.data + item * output.itemCount
        var peaks: [(score: Float, classIndex: Int, cell: Int)] = []
        for ch in 0..<classCount {
            let logits = base + ch * plane
            for y in 0..<h {
                for x in 0..<w {
                    let v = logits[y * w + x]
                    guard v.isFinite, Sigmoid.logistic(v) >= minimumScore else { continue }
                    var isPeak = true
                    for ny in max(0, y - 1)...min(h - 1, y + 1) where isPeak {
                        for nx in max(0, x - 1)...min(w - 1, x + 1) where logits[ny * w + nx] > v {
                            isPeak = false
                        }
                    }
                    if isPeak { peaks.append((Sigmoid.logistic(v), ch, y * w + x)) }
                }
            }
        }
        peaks.sort { $0.score != $1.score ? $0.score > $1.score : $0.cell < $1.cell }
        let s = Float(stride)
        var detections: [Detection] = []
        for peak in peaks.prefix(maxDetections) {
            let box = (0..<4).map { base[(classCount + $0) * plane + peak.cell] }
            guard box.allSatisfy(\.isFinite) else { continue }
            let cx = (Float(peak.cell % w) + box[0]) * s
            let cy = (Float(peak.cell / w) + box[1]) * s
            let bw = Sigmoid.exp(box[2]) * s
            let bh = Sigmoid.exp(box[3]) * s
            let x0 = max(0, cx - bw / 2)
            let y0 = max(0, cy - bh / 2)
            let x1 = min(Float(imageWidth), cx + bw / 2)
            let y1 = min(Float(imageHeight), cy + bh / 2)
            guard x1 > x0, y1 > y0 else { continue }
            detections.append(
                Detection(
                    classIndex: peak.classIndex,
                    box: BoundingBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0),
                    score: peak.score))
        }
        return detections
    }
}
