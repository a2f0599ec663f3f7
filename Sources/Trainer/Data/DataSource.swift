/// Where a training run gets its images: the built-in synthetic generator or a YOLO `data.yaml`.
public enum DataSource: Codable, Sendable, Equatable {
    case synthetic(SyntheticDatasetOptions)
    /// A Ultralytics/YOLO dataset; `skipCorrupt` turns corrupt images/labels into warnings.
    case yolo(path: String, skipCorrupt: Bool)
}
