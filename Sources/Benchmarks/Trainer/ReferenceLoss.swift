import Trainer

/// R1's loss, as `bench/pytorch_r1.py` computes it: sigmoid focal loss (α 0.25, γ 2) summed over
/// channels 0–3 and divided by the batch size, plus the mean L1 distance of channels 4–7 to
/// their targets over every cell.
///
/// With binary heatmap targets the trainer's ``HeatmapLoss`` focal kind is exactly the
/// RetinaNet focal loss PyTorch's script writes out, so it is reused for the first term.
public struct ReferenceLoss: Sendable {
    public let focal = HeatmapLoss(kind: .focal)

    public init() {}

    /// The loss of `output` (`[N, 8, H, W]`) against `heatmap` (`[N, 4, H, W]`, 0 or 1) and
    /// `boxes` (`[N, 4, H, W]`); writes `∂loss/∂output` into `gradient` (shaped like `output`).
    public func evaluate(output: Tensor, heatmap: Tensor, boxes: Tensor, gradient: Tensor)
        -> Double
    {
        precondition(
            output.c == heatmap.c + boxes.c && boxes.hasShape(of: heatmap)
                && gradient.hasShape(of: output),
            "ReferenceLoss: output \(output.shape), heatmap \(heatmap.shape), boxes \(boxes.shape)")
        let classification = focal.evaluate(
            output: output, targets: heatmap, normaliser: Float(output.n), gradient: gradient)
        let plane = output.planeCount
        let scale = 1 / Float(boxes.count)
        var total: Double = 0
        for item in 0..<output.n {
            let x = output.data + (item * output.c + heatmap.c) * plane
            let g = gradient.data + (item * output.c + heatmap.c) * plane
            let t = boxes.data + item * boxes.itemCount
            var sum: Float = 0
            for i in 0..<boxes.itemCount {
                let d = x[i] - t[i]
                sum += abs(d)
                g[i] = d > 0 ? scale : (d < 0 ? -scale : 0)
            }
            total += Double(sum)
        }
        return classification + total * Double(scale)
    }
}
