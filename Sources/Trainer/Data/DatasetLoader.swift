import Logging

/// Turns a ``DataSource`` into train/val images: generates the synthetic dataset or reads a YOLO
/// `data.yaml`.
public enum DatasetLoader {
    /// The side YOLO images are resized to when nothing else is asked.
    public static let defaultYOLOImageSize = 128

    /// Loads `source`. YOLO images are resized to `yoloImageSize`² (the synthetic dataset carries
    /// its own size); with `skipCorrupt`, corrupt YOLO images and label files are skipped and
    /// logged as warnings on `logger` instead of thrown.
    public static func load(
        _ source: DataSource, yoloImageSize: Int = defaultYOLOImageSize,
        logger: Logger = Logger(label: "sweep.dataset")
    ) throws(DatasetError) -> DatasetSplit {
        switch source {
        case .synthetic(let options):
            try SyntheticDataset.validate(options)
            return SyntheticDataset.generate(options)
        case .yolo(let path, let skipCorrupt):
            let result = try YOLODatasetReader.read(
                dataFile: path, imageSize: yoloImageSize, skipCorrupt: skipCorrupt)
            for warning in result.warnings {
                logger.warning("skipped: \(warning)")
            }
            return result.split
        }
    }
}
