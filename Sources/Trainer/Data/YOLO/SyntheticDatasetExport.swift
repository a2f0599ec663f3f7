/// Generates the synthetic dataset and writes it as a YOLO dataset (`sweep-cli dataset export`).
public enum SyntheticDatasetExport {
    /// Checks `options` against ``TrainingBounds`` — all but the in-memory dataset limit, as
    /// images are generated and written one at a time — (the export needs at least one val
    /// image, as Ultralytics does) and writes the dataset under `directory`.
    @discardableResult
    public static func export(_ options: SyntheticDatasetOptions, to directory: String)
        throws(DatasetError) -> YOLODatasetWriter.Summary
    {
        for (bound, value) in [
            (TrainingBounds.imageSize, options.imageSize),
            (TrainingBounds.trainImages, options.trainImages),
            (TrainingBounds.valImages, options.valImages),
        ] {
            if let requirement = bound.violation(value) {
                throw .invalidOption(
                    key: "data.synthetic." + bound.key, value: "\(value)", expected: requirement)
            }
        }
        return try YOLODatasetWriter.write(
            classNames: SyntheticDataset.classNames,
            counts: (options.trainImages, options.valImages), to: directory
        ) { isTrain, index in
            SyntheticDataset.image(
                size: options.imageSize, seed: options.seed, stream: isTrain ? 1 : 2,
                index: index)
        }
    }
}
