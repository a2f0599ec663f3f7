import Trainer

/// One training step of a benchmark network on a fixed random batch, split into the three
/// phases the benchmark times: forward (network and loss), backward, optimizer step.
///
/// Inputs are uniform in `[0, 1)`, 2% of the heatmap cells are positives (as in
/// `bench/pytorch_r1.py`); every buffer is allocated up front.
final class BenchmarkWorkload {
    /// R1's SGD learning rate, as in `bench/pytorch_r1.py`. At 0.01 R1's summed focal loss
    /// overflowed to NaN within ten steps in both frameworks (here from step 5: He-initialised
    /// weights are √6 times PyTorch's default bound), so the timed steps measured NaN
    /// arithmetic; at 0.0001 both stay finite for at least 40 steps.
    static let r1LearningRate: Float = 0.0001
    /// The detector's learning rate (BatchNorm keeps it stable at the trainer's usual scale).
    static let detectorLearningRate: Float = 0.01

    let convolutions: [Conv2D]
    let forward: () -> Double
    let backward: () -> Void
    let step: () -> Void

    private init(
        convolutions: [Conv2D], forward: @escaping () -> Double, backward: @escaping () -> Void,
        step: @escaping () -> Void
    ) {
        self.convolutions = convolutions
        self.forward = forward
        self.backward = backward
        self.step = step
    }

    /// The workload of `network` at `batchSize`, seeded.
    static func make(_ network: TrainerBenchmark.Network, batchSize: Int, seed: UInt64)
        -> BenchmarkWorkload
    {
        precondition(batchSize > 0, "BenchmarkWorkload: batch size \(batchSize)")
        var rng = SplitMix64(seed: seed, stream: 0xBE4C)
        let side = ReferenceNetwork.r1InputSize
        let images = Tensor(batchSize, 3, side, side)
        for i in 0..<images.count { images[i] = rng.unit() }
        let grid = side / 4
        let heatmap = Tensor(batchSize, 4, grid, grid)
        for i in 0..<heatmap.count { heatmap[i] = rng.unit() > 0.98 ? 1 : 0 }
        let gradient = Tensor(batchSize, 8, grid, grid)
        switch network {
        case .r1:
            let model = ReferenceNetwork.r1(seed: seed, fusesSiLU: true)
            let boxes = Tensor(batchSize, 4, grid, grid)
            for i in 0..<boxes.count { boxes[i] = rng.unit() }
            let loss = ReferenceLoss()
            let optimizer = SGD(parameters: model.parameters, momentum: 0.9, weightDecay: 5e-4)
            return BenchmarkWorkload(
                convolutions: ReferenceNetwork.convolutions(of: model),
                forward: {
                    let output = model.forward(images, training: true)
                    return loss.evaluate(
                        output: output, heatmap: heatmap, boxes: boxes, gradient: gradient)
                },
                backward: { _ = model.backward(gradient) },
                step: { optimizer.step(lr: r1LearningRate) })
        case .detector:
            let detector = Detector(classCount: 4, seed: seed)
            let positives = positiveBoxes(of: heatmap, rng: &rng)
            let heatmapLoss = HeatmapLoss(kind: .focal)
            let boxLoss = BoxL1Loss()
            let normaliser = Float(max(1, positives.count))
            let optimizer = SGD(parameters: detector.parameters, momentum: 0.9, weightDecay: 5e-4)
            return BenchmarkWorkload(
                convolutions: ReferenceNetwork.convolutions(of: detector.network),
                forward: {
                    let output = detector.forward(images, training: true)
                    gradient.fill(0)
                    return heatmapLoss.evaluate(
                        output: output, targets: heatmap, normaliser: normaliser,
                        gradient: gradient)
                        + boxLoss.evaluate(
                            output: output, firstChannel: 4, positives: positives,
                            normaliser: normaliser, gradient: gradient)
                },
                backward: { detector.backward(gradient) },
                step: { optimizer.step(lr: detectorLearningRate) })
        }
    }

    /// A box target with random offsets and sizes at every positive heatmap cell.
    private static func positiveBoxes(of heatmap: Tensor, rng: inout SplitMix64) -> [BoxTarget] {
        var boxes: [BoxTarget] = []
        for item in 0..<heatmap.n {
            for ch in 0..<heatmap.c {
                for cell in 0..<heatmap.planeCount
                where heatmap[(item * heatmap.c + ch) * heatmap.planeCount + cell] == 1 {
                    let values = SIMD4(
                        rng.unit(), rng.unit(), rng.uniform(-1, 1), rng.uniform(-1, 1))
                    boxes.append(BoxTarget(item: item, cell: cell, values: values))
                }
            }
        }
        return boxes
    }
}
