/// The built-in small-object detection dataset: square RGB images of a cluttered, textured
/// background (gradient, sinusoidal texture, soft blobs, thin lines, pixel noise) with 2–12
/// labelled objects of four classes — red circles, green squares, blue triangles, yellow crosses,
/// each with colour and shading jitter — plus unlabelled distractors (class shapes in other
/// colours, and rings, diamonds and bars in any colour).
///
/// About 88% of the objects are small in the COCO sense (sides 4–24 px); the rest are medium
/// (32–64 px, capped at half the image side). Objects may overlap; a later object never covers
/// more than half of an earlier labelled one. Boxes are the exact pixel extents of each shape
/// (top-left `x, y, width, height`), inside the image.
///
/// Everything derives from ``SyntheticDatasetOptions/seed`` through a private SplitMix64 stream:
/// the same options give the same pixels and boxes on every platform. Train and val come from
/// disjoint sub-streams, and every image from its own, so a split's first images do not depend
/// on how many images it has.
public enum SyntheticDataset {
    /// Class names in class-index order.
    public static let classNames = SyntheticShape.classes.map { "\($0)" }

    /// Generates the train and val splits described by `options` (see ``validate(_:)``).
    public static func generate(_ options: SyntheticDatasetOptions) -> DatasetSplit {
        precondition(
            options.imageSize >= minimumImageSize,
            "SyntheticDataset: imageSize \(options.imageSize) < \(minimumImageSize)")
        precondition(
            options.trainImages >= 0 && options.valImages >= 0,
            "SyntheticDataset: negative image count")
        return DatasetSplit(
            train: split(options, stream: 1, count: options.trainImages),
            val: split(options, stream: 2, count: options.valImages))
    }

    /// The smallest image side the generator supports.
    public static let minimumImageSize = 16

    /// Checks user-supplied options against ``TrainingBounds`` (the bounds every reader uses),
    /// naming the offending key and value.
    public static func validate(_ options: SyntheticDatasetOptions) throws(DatasetError) {
        do {
            try options.validateBounds()
        } catch {
            throw .invalidOption(key: error.key, value: error.value, expected: error.requirement)
        }
    }

    /// One image of the dataset: the `index`-th image of sub-stream `stream` of `seed`.
    static func image(size: Int, seed: UInt64, stream: UInt64, index: Int) -> DetectionImage {
        var splitRNG = SplitMix64(seed: seed, stream: stream)
        let imageSeed = splitRNG.next()
        var rng = SplitMix64(seed: imageSeed, stream: UInt64(index))
        var canvas = SyntheticCanvas(size: size)
        SyntheticBackground.paint(&canvas, rng: &rng)
        let objects = SyntheticScene.place(on: &canvas, rng: &rng)
        canvas.addNoise(amplitude: rng.uniform(0.02, 0.07), rng: &rng)
        return DetectionImage(width: size, height: size, pixels: canvas.pixels, objects: objects)
    }

    private static func split(_ options: SyntheticDatasetOptions, stream: UInt64, count: Int)
        -> DetectionDataset
    {
        let images = (0..<count).map {
            image(size: options.imageSize, seed: options.seed, stream: stream, index: $0)
        }
        return DetectionDataset(classNames: classNames, images: images)
    }
}
