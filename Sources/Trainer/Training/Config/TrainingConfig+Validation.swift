import Foundation

extension TrainingConfig {
    /// Checks every number against ``TrainingBounds``, the synthetic dataset's memory against
    /// ``TrainingBounds/datasetBytesLimit`` and a batch's activations against
    /// ``TrainingBounds/batchBytesLimit``, naming the first offending key and value.
    public func validate() throws(TrainingConfigError) {
        func check(_ bound: ConfigBound, _ value: Double, _ shown: String)
            throws(TrainingConfigError)
        {
            if let requirement = bound.violation(value) {
                throw TrainingConfigError(key: bound.key, value: shown, requirement: requirement)
            }
        }
        try check(TrainingBounds.lr, lr, "\(lr)")
        try check(TrainingBounds.weightDecay, weightDecay, "\(weightDecay)")
        try check(TrainingBounds.batchSize, Double(batchSize), "\(batchSize)")
        try check(TrainingBounds.epochs, Double(epochs), "\(epochs)")
        try check(TrainingBounds.momentum, momentum, "\(momentum)")
        try check(TrainingBounds.warmupEpochs, warmupEpochs, "\(warmupEpochs)")
        try check(TrainingBounds.focalAlpha, focalAlpha, "\(focalAlpha)")
        try check(TrainingBounds.focalGamma, focalGamma, "\(focalGamma)")
        try check(TrainingBounds.divergeFactor, divergeFactor, "\(divergeFactor)")
        for (bound, value) in augmentationSettings { try check(bound, value, "\(value)") }
        let imageSize: Int
        switch data {
        case .synthetic(let options):
            try options.validateBounds()
            imageSize = options.imageSize
        case .yolo(_, _, let size, _):
            try check(TrainingBounds.imageSize, Double(size), "\(size)")
            imageSize = size
        }
        let bytes = TrainingBounds.batchBytes(batchSize: batchSize, size: imageSize)
        guard bytes <= Double(TrainingBounds.batchBytesLimit) else {
            throw TrainingConfigError(
                key: "batch_size, image_size", value: "\(batchSize), \(imageSize)",
                requirement: "batch_size × image_size² × \(TrainingBounds.trainingBytesPerPixel) "
                    + "bytes of activations must be <= \(TrainingBounds.batchBytesLimit >> 30) GiB; "
                    + "this batch needs \(gibibytes(bytes)) GiB")
        }
    }
}

extension SyntheticDatasetOptions {
    /// Checks the image size and counts against ``TrainingBounds``, then the memory all images
    /// take against ``TrainingBounds/datasetBytesLimit``; keys are named as in a config file
    /// (`data.synthetic.image_size`; `data.synthetic` for the memory).
    public func validateBounds() throws(TrainingConfigError) {
        let prefix = "data.synthetic."
        for (bound, value) in [
            (TrainingBounds.imageSize, imageSize), (TrainingBounds.trainImages, trainImages),
            (TrainingBounds.valImages, valImages),
        ] {
            if let requirement = bound.violation(value) {
                throw TrainingConfigError(
                    key: prefix + bound.key, value: "\(value)", requirement: requirement)
            }
        }
        let bytes = TrainingBounds.datasetBytes(images: trainImages + valImages, size: imageSize)
        guard bytes <= Double(TrainingBounds.datasetBytesLimit) else {
            throw TrainingConfigError(
                key: "data.synthetic",
                value: "train_images \(trainImages), val_images \(valImages), "
                    + "image_size \(imageSize)",
                requirement: "(train_images + val_images) × image_size² × 3 × 4 bytes must be <= "
                    + "\(TrainingBounds.datasetBytesLimit >> 30) GiB; these images need "
                    + "\(gibibytes(bytes)) GiB")
        }
    }
}

/// `bytes` in GiB with one decimal, for the memory errors.
private func gibibytes(_ bytes: Double) -> String {
    String(format: "%.1f", bytes / Double(1 << 30))
}
