/// Applies an ``Augmentation`` to training images one at a time, drawing from two seeded
/// streams of its own: one for the flips (the stream the trainer always flipped with, so the
/// default settings train exactly as before) and one for everything else.
///
/// Images are planar CHW float32 (``DetectionImage``); grayscale sources arrive with three equal
/// planes, which hue and saturation leave grey. Buffers are reused between images.
final class Augmenter {
    let settings: Augmentation
    private var flipRNG: SplitMix64
    var rng: SplitMix64
    /// The working image: mosaic, copy-paste, then the source of scale and translate.
    let canvas = Tensor(0, 0, 0, 0)
    /// For each destination column and row, the source one (or −1 outside the source).
    var sourceColumns: [Int] = []
    var sourceRows: [Int] = []

    init(_ settings: Augmentation, seed: UInt64) {
        self.settings = settings
        flipRNG = SplitMix64(seed: seed, stream: 0xF11B)
        rng = SplitMix64(seed: seed, stream: 0xA06E)
    }

    /// Writes `dataset.images[index]`, augmented, to `destination` (`3 × H × W` floats) and
    /// returns its objects in the written image's pixels.
    func augment(
        _ dataset: DetectionDataset, index: Int, into destination: UnsafeMutablePointer<Float>
    ) -> [ObjectAnnotation] {
        let image = dataset.images[index]
        let width = image.width
        let height = image.height
        let count = 3 * width * height
        var objects: [ObjectAnnotation]
        let mosaic = settings.mosaic > 0 && rng.chance(settings.mosaic)
        let paste = settings.copyPaste > 0 && rng.chance(settings.copyPaste)
        if mosaic || paste || settings.movesPixels {
            canvas.reshape(1, 3, height, width)
            if mosaic {
                objects = composeMosaic(dataset, first: index, width: width, height: height)
            } else {
                image.copyPixels(into: canvas.data)
                objects = image.objects
            }
            if paste { pasteSmallObjects(&objects, width: width, height: height) }
            if settings.movesPixels {
                objects = scaleAndTranslate(
                    objects, into: destination, width: width, height: height)
            } else {
                destination.update(from: canvas.data, count: count)
            }
        } else {
            image.copyPixels(into: destination)
            objects = image.objects
        }
        if flipRNG.chance(settings.fliplr) {
            Self.flip(destination, width: width, height: height)
            for i in objects.indices {
                objects[i].box.x = Float(width) - objects[i].box.x - objects[i].box.width
            }
        }
        if settings.jittersColour { jitterHSV(destination, plane: width * height) }
        return objects
    }

    /// Mirrors the three planes of `pixels` left to right, in place.
    static func flip(_ pixels: UnsafeMutablePointer<Float>, width: Int, height: Int) {
        for row in 0..<(3 * height) {
            let line = pixels + row * width
            var left = 0
            var right = width - 1
            while left < right {
                swap(&line[left], &line[right])
                left += 1
                right -= 1
            }
        }
    }
}
