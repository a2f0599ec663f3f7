/// Copies a batch of dataset images into one preallocated `[N, 3, H, W]` tensor, mirroring
/// each image horizontally with probability ½ when augmenting (the labels follow through
/// ``flipped``; every synthetic class is left-right symmetric).
final class BatchLoader {
    let images = Tensor(0, 0, 0, 0)
    private(set) var flipped: [Bool] = []

    /// Loads `dataset.images[indices]`; `rng` draws the flips, `nil` disables them.
    func load(
        _ dataset: DetectionDataset, indices: ArraySlice<Int>, rng: inout SplitMix64?
    ) {
        let first = dataset.images[indices.first!]
        let width = first.width
        let height = first.height
        images.reshape(indices.count, 3, height, width)
        flipped.removeAll(keepingCapacity: true)
        for (item, index) in indices.enumerated() {
            let image = dataset.images[index]
            precondition(
                image.width == width && image.height == height,
                "BatchLoader: image \(index) is \(image.width)×\(image.height), "
                    + "not \(width)×\(height)")
            let flip = rng?.chance(0.5) ?? false
            flipped.append(flip)
            let dst = images.data + item * images.itemCount
            image.pixels.withUnsafeBufferPointer { src in
                guard flip else {
                    dst.update(from: src.baseAddress!, count: images.itemCount)
                    return
                }
                for row in 0..<(3 * height) {
                    let s = src.baseAddress! + row * width
                    let d = dst + row * width
                    for x in 0..<width { d[x] = s[width - 1 - x] }
                }
            }
        }
    }
}
