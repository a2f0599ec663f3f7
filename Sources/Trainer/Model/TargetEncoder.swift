import Foundation

/// Turns the labelled objects of a batch into CenterNet-style training targets at the
/// detector's output resolution: per-class gaussian heatmaps (exactly 1 at each object's centre
/// cell) and one ``BoxTarget`` per object.
///
/// The gaussian's radius is CenterNet's `gaussian_radius` for a minimum IoU of 0.7 (so tiny
/// objects get a single hot cell); σ = (2r + 1) / 6. Buffers are reused between batches.
public final class TargetEncoder {
    public let classCount: Int
    public let stride: Int
    /// `[N, classCount, H, W]` heatmap targets of the last encode.
    public let heatmap = Tensor(0, 0, 0, 0)
    /// The box targets of the last encode, in object order.
    public private(set) var boxes: [BoxTarget] = []

    public init(classCount: Int, stride: Int) {
        precondition(classCount > 0 && stride > 0, "TargetEncoder: bad class count or stride")
        self.classCount = classCount
        self.stride = stride
    }

    /// Encodes `objects[i]`, the objects of batch image `i` in its loaded pixels. Objects
    /// whose class is out of range or whose box is empty are ignored.
    public func encode(
        _ objects: some Collection<[ObjectAnnotation]>, outputHeight: Int, outputWidth: Int
    ) {
        heatmap.reshape(objects.count, classCount, outputHeight, outputWidth)
        heatmap.fill(0)
        boxes.removeAll(keepingCapacity: true)
        let s = Float(stride)
        for (item, imageObjects) in objects.enumerated() {
            for object in imageObjects where (0..<classCount).contains(object.classIndex) {
                let b = object.box
                guard b.width > 0, b.height > 0 else { continue }
                let x = b.x
                let cx = (x + b.width / 2) / s
                let cy = (b.y + b.height / 2) / s
                let ix = min(outputWidth - 1, max(0, Int(cx)))
                let iy = min(outputHeight - 1, max(0, Int(cy)))
                let w = b.width / s
                let h = b.height / s
                let radius = max(0, Int(Self.gaussianRadius(width: w, height: h)))
                splat(item: item, classIndex: object.classIndex, x: ix, y: iy, radius: radius)
                boxes.append(
                    BoxTarget(
                        item: item, cell: iy * outputWidth + ix,
                        values: SIMD4(cx - Float(ix), cy - Float(iy), log(w), log(h))))
            }
        }
    }

    private func splat(item: Int, classIndex: Int, x: Int, y: Int, radius: Int) {
        let width = heatmap.w
        let height = heatmap.h
        let plane = heatmap.data + (item * classCount + classIndex) * heatmap.planeCount
        let sigma = Float(2 * radius + 1) / 6
        let denominator = 2 * sigma * sigma
        for dy in -radius...radius {
            let py = y + dy
            guard py >= 0, py < height else { continue }
            for dx in -radius...radius {
                let px = x + dx
                guard px >= 0, px < width else { continue }
                let value = dx == 0 && dy == 0 ? 1 : exp(-Float(dx * dx + dy * dy) / denominator)
                plane[py * width + px] = max(plane[py * width + px], value)
            }
        }
    }

    /// CenterNet's radius (in cells) within which a corner shift keeps IoU ≥ `minOverlap`.
    static func gaussianRadius(width: Float, height: Float, minOverlap: Float = 0.7) -> Float {
        let b1 = height + width
        let c1 = width * height * (1 - minOverlap) / (1 + minOverlap)
        let r1 = (b1 + (b1 * b1 - 4 * c1).squareRoot()) / 2
        let b2 = 2 * (height + width)
        let c2 = (1 - minOverlap) * width * height
        let r2 = (b2 + (b2 * b2 - 16 * c2).squareRoot()) / 2
        let a3 = 4 * minOverlap
        let b3 = -2 * minOverlap * (height + width)
        let c3 = (minOverlap - 1) * width * height
        let r3 = (b3 + (b3 * b3 - 4 * a3 * c3).squareRoot()) / 2
        return min(r1, r2, r3)
    }
}
