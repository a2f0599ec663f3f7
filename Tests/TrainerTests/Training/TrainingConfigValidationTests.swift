import Testing

@testable import Trainer

@Suite struct TrainingConfigValidationTests {
    @Test func defaultsAreValid() throws {
        try TrainingConfig().validate()
    }

    private static func synthetic(size: Int = 64, train: Int = 8, val: Int = 4) -> DataSource {
        .synthetic(SyntheticDatasetOptions(imageSize: size, trainImages: train, valImages: val))
    }

    @Test(arguments: [
        (TrainingConfig(lr: 0), "lr", "must be > 0"),
        (TrainingConfig(lr: -1), "lr", "must be > 0"),
        (TrainingConfig(lr: 2e6), "lr", "must be <= 1000000"),
        (TrainingConfig(lr: .nan), "lr", "must be finite"),
        (TrainingConfig(weightDecay: -0.1), "weight_decay", "must be >= 0"),
        (TrainingConfig(weightDecay: 1.5), "weight_decay", "must be <= 1"),
        (TrainingConfig(batchSize: 0), "batch_size", "must be >= 1"),
        (TrainingConfig(batchSize: 1025), "batch_size", "must be <= 1024"),
        (TrainingConfig(epochs: -3), "epochs", "must be >= 0"),
        (TrainingConfig(epochs: 10_001), "epochs", "must be <= 10000"),
        (TrainingConfig(momentum: 1), "momentum", "must be < 1"),
        (TrainingConfig(momentum: -0.1), "momentum", "must be >= 0"),
        (TrainingConfig(warmupEpochs: -1), "warmup_epochs", "must be >= 0"),
        (TrainingConfig(warmupEpochs: .infinity), "warmup_epochs", "must be finite"),
        (TrainingConfig(focalAlpha: 2), "focal_alpha", "must be <= 1"),
        (TrainingConfig(focalGamma: 11), "focal_gamma", "must be <= 10"),
        (TrainingConfig(divergeFactor: 1), "diverge_factor", "must be > 1"),
        (
            TrainingConfig(data: synthetic(size: 100_000)), "data.synthetic.image_size",
            "must be <= 4096"
        ),
        (TrainingConfig(data: synthetic(size: 31)), "data.synthetic.image_size", "must be >= 32"),
        (
            TrainingConfig(data: synthetic(train: 1_000_000_000_000)),
            "data.synthetic.train_images",
            "must be <= 1000000"
        ),
        (
            TrainingConfig(data: synthetic(train: 0)), "data.synthetic.train_images",
            "must be >= 1"
        ),
        (TrainingConfig(data: synthetic(val: 0)), "data.synthetic.val_images", "must be >= 1"),
    ])
    func rejectsOutOfBoundValuesByKey(config: TrainingConfig, key: String, requirement: String) {
        #expect {
            try config.validate()
        } throws: { error in
            let error = error as? TrainingConfigError
            return error?.key == key && error?.requirement == requirement
        }
    }

    @Test func theBoundsThemselvesAreAllowed() throws {
        try TrainingConfig(
            lr: 1_000_000, weightDecay: 1, batchSize: 1024, epochs: 10_000, momentum: 0,
            warmupEpochs: 0, focalAlpha: 1, focalGamma: 10, divergeFactor: 1_000_000,
            data: Self.synthetic(size: 32, train: 1, val: 1)
        ).validate()
    }

    /// Train and val images together: `(train + val) × size² × 3 × 4` bytes against 8 GiB.
    @Test func aDatasetBeyondTheMemoryBoundIsAConfigErrorNamingTheKeys() throws {
        let limit = TrainingBounds.datasetBytesLimit
        // 512² RGB floats are 3 MiB: 2730 images fit in 8 GiB, 2731 do not.
        try TrainingConfig(data: Self.synthetic(size: 512, train: 2000, val: 730)).validate()
        #expect(TrainingBounds.datasetBytes(images: 2730, size: 512) <= Double(limit))
        #expect(
            throws: TrainingConfigError(
                key: "data.synthetic", value: "train_images 2000, val_images 731, image_size 512",
                requirement: "(train_images + val_images) × image_size² × 3 × 4 bytes must be "
                    + "<= 8 GiB; these images need 8.0 GiB")
        ) {
            try TrainingConfig(data: Self.synthetic(size: 512, train: 2000, val: 731)).validate()
        }
    }

    /// A batch's activations, `batch × size² × 520` bytes, against 16 GiB, for synthetic and
    /// YOLO data (resized to the default YOLO size).
    @Test func aBatchBeyondTheMemoryBoundIsAConfigErrorNamingTheKeys() throws {
        try TrainingConfig(batchSize: 16, data: Self.synthetic(size: 1024, train: 1, val: 1))
            .validate()
        #expect(
            throws: TrainingConfigError(
                key: "batch_size, image_size", value: "32, 1024",
                requirement: "batch_size × image_size² × 520 bytes of activations must be "
                    + "<= 16 GiB; this batch needs 16.2 GiB")
        ) {
            try TrainingConfig(batchSize: 32, data: Self.synthetic(size: 1024, train: 1, val: 1))
                .validate()
        }
        try TrainingConfig(batchSize: 1024, data: .yolo(path: "data.yaml", skipCorrupt: false))
            .validate()
    }

    @Test func theMessageNamesKeyRequirementAndValue() {
        let error = TrainingConfigError(key: "epochs", value: "-3", requirement: "must be >= 0")
        #expect(error.description == "epochs: must be >= 0 (got -3)")
    }
}
