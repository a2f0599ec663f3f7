/// Copies a batch of dataset images into one preallocated `[N, 3, H, W]` tensor, through an
/// ``Augmenter`` when training (flips, mosaic, copy-paste, scale and translation, HSV jitter);
/// ``objects`` holds each loaded image's labels in its loaded pixels.
final class BatchLoader {
    let images = Tensor(0, 0, 0, 0)
    /// The objects of each image of the last batch, in batch order.
    private(set) var objects: [[ObjectAnnotation]] = []

    /// Loads `dataset.images[indices]`, augmented by `augmenter` unless it is `nil`.
    func load(_ dataset: DetectionDataset, indices: ArraySlice<Int>, augmenter: Augmenter?) {
        let first = dataset.images[indices.first!]
        let width = first.width
        let height = first.height
        images.reshape(indices.count, 3, height, width)
        objects.removeAll(keepingCapacity: true)
        for (item, index) in indices.enumerated() {
            let image = dataset.images[index]
            precondition(
                image.width == width && image.height == height,
                "BatchLoader: image \(index) is \(image.width)×\(image.height), "
                    + "not \(width)×\(height)")
            let dst = images.data + item * images.itemCount
            if let augmenter {
                objects.append(augmenter.augment(dataset, index: index, into: dst))
            } else {
                image.copyPixels(into: dst)
                objects.append(image.objects)
            }
        }
    }
}
