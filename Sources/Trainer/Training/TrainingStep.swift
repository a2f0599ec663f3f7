/// One optimisation step of the detector on one batch: forward in training mode, targets,
/// classification + box loss, backward, SGD update. Owns every buffer it needs, so steps after
/// the first largest batch allocate nothing.
final class TrainingStep {
    let detector: Detector
    let optimizer: SGD
    let heatmapLoss: HeatmapLoss
    let boxLoss = BoxL1Loss()
    private let encoder: TargetEncoder
    private let gradient = Tensor(0, 0, 0, 0)

    init(detector: Detector, config: TrainingConfig) {
        self.detector = detector
        optimizer = SGD(
            parameters: detector.parameters, momentum: Float(config.momentum),
            weightDecay: Float(config.weightDecay))
        heatmapLoss = HeatmapLoss(
            kind: config.loss, alpha: Float(config.focalAlpha), gamma: Float(config.focalGamma))
        encoder = TargetEncoder(classCount: detector.classCount, stride: detector.stride)
    }

    /// The loss of the batch in `loader` (heatmap + box, per object); updates the weights with
    /// `lr` unless the loss is NaN or infinite, which is returned as is.
    func run(_ loader: BatchLoader, lr: Float) -> Double {
        let output = detector.forward(loader.images, training: true)
        encoder.encode(loader.objects, outputHeight: output.h, outputWidth: output.w)
        gradient.reshape(like: output)
        gradient.fill(0)
        let normaliser = Float(max(1, encoder.boxes.count))
        let classification = heatmapLoss.evaluate(
            output: output, targets: encoder.heatmap, normaliser: normaliser, gradient: gradient)
        let box = boxLoss.evaluate(
            output: output, firstChannel: detector.classCount, positives: encoder.boxes,
            normaliser: normaliser, gradient: gradient)
        let loss = classification + box
        guard loss.isFinite else { return loss }
        detector.backward(gradient)
        optimizer.step(lr: lr)
        return loss
    }
}
