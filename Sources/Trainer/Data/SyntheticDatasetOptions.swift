/// Knobs of the built-in synthetic small-object dataset; the same options and seed give the same
/// images.
public struct SyntheticDatasetOptions: Codable, Sendable, Equatable {
    /// Side of the square RGB images in pixels.
    public var imageSize: Int
    public var trainImages: Int
    public var valImages: Int
    public var seed: UInt64

    public init(
        imageSize: Int = 128, trainImages: Int = 512, valImages: Int = 128, seed: UInt64 = 7
    ) {
        self.imageSize = imageSize
        self.trainImages = trainImages
        self.valImages = valImages
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case imageSize = "image_size"
        case trainImages = "train_images"
        case valImages = "val_images"
        case seed
    }
}
