import Logging

/// Turns a ``DataSource`` into train/val images: generates the synthetic dataset or reads a YOLO
/// `data.yaml`, through a ``DatasetCache`` when one is given.
public enum DatasetLoader {
    /// The side YOLO images are resized to when nothing else is asked.
    public static let defaultYOLOImageSize = 128

    /// Loads `source`. With `cache`, a YOLO dataset is mapped from (or first built into) its
    /// cache file; without, it is decoded here. Problems skipped under `skip_corrupt` and cache
    /// rebuild notes are logged as warnings on `logger`.
    public static func load(
        _ source: DataSource, cache: DatasetCache? = nil,
        logger: Logger = Logger(label: "sweep.dataset")
    ) throws(DatasetError) -> DatasetSplit {
        switch source {
        case .synthetic(let options):
            try SyntheticDataset.validate(options)
            return SyntheticDataset.generate(options)
        case .yolo(let path, let skipCorrupt, let imageSize, let resize):
            if let cache {
                let loaded = try cache.load(
                    dataFile: path, imageSize: imageSize, resize: resize,
                    skipCorrupt: skipCorrupt
                ) { logger.warning("\($0)") }
                for warning in loaded.warnings {
                    logger.warning("skipped: \(warning)")
                }
                return loaded.split
            }
            let result = try YOLODatasetReader.read(
                dataFile: path, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt)
            for warning in result.warnings {
                logger.warning("skipped: \(warning)")
            }
            return result.split
        }
    }
}
