/// Generates the synthetic dataset and writes it as a YOLO dataset (`sweep-cli dataset export`).
public enum SyntheticDatasetExport {
    /// Validates `options` (the export needs at least one val image, as Ultralytics does),
    /// generates the dataset and writes it under `directory`.
    @discardableResult
    public static func export(_ options: SyntheticDatasetOptions, to directory: String)
        throws(DatasetError) -> YOLODatasetWriter.Summary
    {
        try SyntheticDataset.validate(options)
        guard options.valImages >= 1 else {
            throw .invalidOption(
                key: "val_images", value: "\(options.valImages)",
                expected: ">= 1 for an export")
        }
        return try YOLODatasetWriter.write(SyntheticDataset.generate(options), to: directory)
    }
}
