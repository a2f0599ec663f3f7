/// Where a training run gets its images: the built-in synthetic generator or a YOLO `data.yaml`.
///
/// Coded the way sweep files write it: `{synthetic: {image_size: 128, …}}` or
/// `{yolo: path/to/data.yaml, skip_corrupt: false}`.
public enum DataSource: Codable, Sendable, Equatable {
    case synthetic(SyntheticDatasetOptions)
    /// A Ultralytics/YOLO dataset; `skipCorrupt` turns corrupt images/labels into warnings.
    case yolo(path: String, skipCorrupt: Bool)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case synthetic
        case yolo
        case skipCorrupt = "skip_corrupt"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let path = try container.decodeIfPresent(String.self, forKey: .yolo) {
            let skip = try container.decodeIfPresent(Bool.self, forKey: .skipCorrupt) ?? false
            self = .yolo(path: path, skipCorrupt: skip)
        } else if container.contains(.synthetic) {
            self = .synthetic(
                try container.decode(SyntheticDatasetOptions.self, forKey: .synthetic))
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "data must name either 'synthetic' or 'yolo'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .synthetic(let options):
            try container.encode(options, forKey: .synthetic)
        case .yolo(let path, let skipCorrupt):
            try container.encode(path, forKey: .yolo)
            try container.encode(skipCorrupt, forKey: .skipCorrupt)
        }
    }
}
