/// Loads training batches exactly as the training loop does — through an ``Augmentation`` into
/// one `[N, 3, H, W]` tensor — for benchmarks that time the augmentation on its own.
public final class AugmentedBatches {
    public let dataset: DetectionDataset
    private let loader = BatchLoader()
    private let augmenter: Augmenter

    public init(dataset: DetectionDataset, augmentation: Augmentation, seed: UInt64) {
        precondition(!dataset.images.isEmpty, "AugmentedBatches: an empty dataset")
        self.dataset = dataset
        augmenter = Augmenter(augmentation, seed: seed)
    }

    /// Loads the images at `indices` (each in `dataset.images.indices`); returns how many
    /// objects the batch holds after augmentation.
    @discardableResult
    public func load(_ indices: ArraySlice<Int>) -> Int {
        loader.load(dataset, indices: indices, augmenter: augmenter)
        return loader.objects.reduce(0) { $0 + $1.count }
    }
}
