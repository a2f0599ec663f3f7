/// Where a training run gets its images: the built-in synthetic generator or a YOLO `data.yaml`.
///
/// Coded the way sweep files write it: `{synthetic: {image_size: 128, …}}` or
/// `{yolo: path/to/data.yaml, skip_corrupt: false, image_size: 128, resize: letterbox}`
/// (`image_size` and `resize` are written only when not the defaults).
public enum DataSource: Codable, Sendable, Equatable {
    case synthetic(SyntheticDatasetOptions)
    /// A Ultralytics/YOLO dataset; `skipCorrupt` turns corrupt images/labels into warnings;
    /// images are brought to `imageSize`² as `resize` says.
    case yolo(
        path: String, skipCorrupt: Bool, imageSize: Int = DatasetLoader.defaultYOLOImageSize,
        resize: ResizeMode = .letterbox)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case synthetic
        case yolo
        case skipCorrupt = "skip_corrupt"
        case imageSize = "image_size"
        case resize
    }

    /// The side of the training images.
    public var imageSize: Int {
        switch self {
        case .synthetic(let options): options.imageSize
        case .yolo(_, _, let imageSize, _): imageSize
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let path = try container.decodeIfPresent(String.self, forKey: .yolo) {
            self = .yolo(
                path: path,
                skipCorrupt: try container.decodeIfPresent(Bool.self, forKey: .skipCorrupt)
                    ?? false,
                imageSize: try container.decodeIfPresent(Int.self, forKey: .imageSize)
                    ?? DatasetLoader.defaultYOLOImageSize,
                resize: try container.decodeIfPresent(ResizeMode.self, forKey: .resize)
                    ?? .letterbox)
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
        case .yolo(let path, let skipCorrupt, let imageSize, let resize):
            try container.encode(path, forKey: .yolo)
            try container.encode(skipCorrupt, forKey: .skipCorrupt)
            if imageSize != DatasetLoader.defaultYOLOImageSize {
                try container.encode(imageSize, forKey: .imageSize)
            }
            if resize != .letterbox { try container.encode(resize, forKey: .resize) }
        }
    }
}
