import Testing

@testable import Trainer

@Suite struct AugmenterTests {
    static let side = 64
    static let background: Float = 0.25

    /// A grey `side`² image with each box painted pure red.
    static func image(_ boxes: [BoundingBox]) -> DetectionImage {
        let plane = side * side
        var pixels = [Float](repeating: background, count: 3 * plane)
        for box in boxes {
            for y in Int(box.y)..<Int(box.y + box.height) {
                for x in Int(box.x)..<Int(box.x + box.width) {
                    pixels[y * side + x] = 1
                    pixels[plane + y * side + x] = 0
                    pixels[2 * plane + y * side + x] = 0
                }
            }
        }
        return DetectionImage(
            width: side, height: side, pixels: pixels,
            objects: boxes.map { ObjectAnnotation(classIndex: 0, box: $0) })
    }

    static func dataset(_ images: [DetectionImage]) -> DetectionDataset {
        DetectionDataset(classNames: ["thing"], images: images)
    }

    /// Runs `augmenter` on image `index` and returns the pixels and objects it wrote.
    static func run(_ augmenter: Augmenter, _ data: DetectionDataset, index: Int = 0)
        -> (pixels: [Float], objects: [ObjectAnnotation])
    {
        var pixels = [Float](repeating: -1, count: 3 * side * side)
        let objects = pixels.withUnsafeMutableBufferPointer {
            augmenter.augment(data, index: index, into: $0.baseAddress!)
        }
        return (pixels, objects)
    }

    /// Checks that every pixel whose centre lies inside a box is red and that red pixels outside
    /// all boxes only form slivers thinner than ``Augmentation/minimumSide`` + 1 pixels (what is
    /// left of a dropped object); a margin of 0.01 px keeps rounding out of it.
    static func expectRedExactlyUnderBoxes(
        _ pixels: [Float], _ objects: [ObjectAnnotation],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let plane = side * side
        func red(_ x: Int, _ y: Int) -> Bool {
            (0..<side).contains(x) && (0..<side).contains(y) && pixels[y * side + x] == 1
                && pixels[plane + y * side + x] == 0 && pixels[2 * plane + y * side + x] == 0
        }
        func run(_ x: Int, _ y: Int, _ dx: Int, _ dy: Int) -> Int {
            var length = 1
            var (px, py) = (x + dx, y + dy)
            while red(px, py) { (length, px, py) = (length + 1, px + dx, py + dy) }
            (px, py) = (x - dx, y - dy)
            while red(px, py) { (length, px, py) = (length + 1, px - dx, py - dy) }
            return length
        }
        let thickest = Int(Augmentation.minimumSide) + 1
        var inside = 0
        var insideNotRed = 0
        var outsideRed = 0
        for y in 0..<side {
            for x in 0..<side {
                let cx = Float(x) + 0.5
                let cy = Float(y) + 0.5
                func within(_ b: BoundingBox, _ margin: Float) -> Bool {
                    cx > b.x + margin && cx < b.x + b.width - margin && cy > b.y + margin
                        && cy < b.y + b.height - margin
                }
                if objects.contains(where: { within($0.box, 0.01) }) {
                    inside += 1
                    if !red(x, y) { insideNotRed += 1 }
                } else if !objects.contains(where: { within($0.box, -0.01) }), red(x, y),
                    run(x, y, 1, 0) > thickest, run(x, y, 0, 1) > thickest
                {
                    outsideRed += 1
                }
            }
        }
        #expect(inside > 0, "no pixel under any box", sourceLocation: sourceLocation)
        #expect(
            insideNotRed == 0, "pixels under a box that are not red",
            sourceLocation: sourceLocation)
        #expect(
            outsideRed == 0, "red pixels of a kept size outside every box",
            sourceLocation: sourceLocation)
    }

    static let boxes = [
        BoundingBox(x: 6, y: 8, width: 6, height: 5),
        BoundingBox(x: 30, y: 40, width: 12, height: 9),
        BoundingBox(x: 50, y: 3, width: 10, height: 14),
    ]

    @Test func withoutAugmentationPixelsAndObjectsAreCopied() {
        let data = Self.dataset([Self.image(Self.boxes)])
        let (pixels, objects) = Self.run(Augmenter(Augmentation(fliplr: 0), seed: 1), data)
        #expect(pixels == data.images[0].pixels)
        #expect(objects == data.images[0].objects)
    }

    @Test func aFlipMirrorsPixelsAndBoxes() {
        let data = Self.dataset([Self.image(Self.boxes)])
        let (pixels, objects) = Self.run(Augmenter(Augmentation(fliplr: 1), seed: 1), data)
        #expect(objects.map(\.box.x) == [52, 22, 4])
        Self.expectRedExactlyUnderBoxes(pixels, objects)
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func scaleAndTranslateMoveBoxesWithThePixels(seed: UInt64) {
        let data = Self.dataset([Self.image(Self.boxes)])
        let settings = Augmentation(scale: 0.5, translate: 0.25, fliplr: 0.5)
        let (pixels, objects) = Self.run(Augmenter(settings, seed: seed), data)
        Self.expectRedExactlyUnderBoxes(pixels, objects)
        for object in objects {
            let b = object.box
            #expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= 64 && b.y + b.height <= 64)
            #expect(b.width >= Augmentation.minimumSide && b.height >= Augmentation.minimumSide)
        }
    }

    @Test func boxesPushedOutOfTheImageAreClippedOrDropped() {
        let data = Self.dataset([Self.image(Self.boxes)])
        let settings = Augmentation(translate: 0.5, fliplr: 0)
        var clippedOrDropped = 0
        for seed in 0..<16 as Range<UInt64> {
            let (pixels, objects) = Self.run(Augmenter(settings, seed: seed), data)
            Self.expectRedExactlyUnderBoxes(pixels, objects)
            let areas = objects.map { $0.box.width * $0.box.height }
            if objects.count < 3 || areas.contains(where: { ![30, 108, 140].contains($0) }) {
                clippedOrDropped += 1
            }
        }
        #expect(clippedOrDropped > 0)
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func aMosaicKeepsEveryVisibleBoxOnItsPixels(seed: UInt64) {
        let data = Self.dataset([
            Self.image(Self.boxes),
            Self.image([BoundingBox(x: 20, y: 20, width: 24, height: 24)]),
            Self.image([BoundingBox(x: 2, y: 50, width: 8, height: 8)]),
            Self.image([]),
        ])
        let (pixels, objects) = Self.run(
            Augmenter(Augmentation(mosaic: 1, fliplr: 0), seed: seed), data)
        Self.expectRedExactlyUnderBoxes(pixels, objects)
        #expect(!pixels.contains(-1), "every pixel of the mosaic is written")
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func copyPasteAddsSmallObjectsWhereTheirPixelsLand(seed: UInt64) {
        let large = BoundingBox(x: 30, y: 30, width: 33, height: 33)
        let data = Self.dataset([Self.image([Self.boxes[0], large])])
        let (pixels, objects) = Self.run(
            Augmenter(Augmentation(fliplr: 0, copyPaste: 1), seed: seed), data)
        Self.expectRedExactlyUnderBoxes(pixels, objects)
        let copies = objects.dropFirst(2)
        #expect((1...Augmentation.pastedCopies).contains(copies.count))
        #expect(copies.allSatisfy { $0.box.width == 6 && $0.box.height == 5 })
        for (i, a) in objects.enumerated() {
            for b in objects[(i + 1)...] { #expect(!a.box.intersects(b.box)) }
        }
    }

    @Test func valueJitterScalesAGreyImageAndKeepsItGrey() {
        let data = Self.dataset([Self.image([])])
        let settings = Augmentation(hsvH: 0.5, hsvS: 0.9, hsvV: 0.5, fliplr: 0)
        var gains: Set<Float> = []
        for seed in 0..<4 as Range<UInt64> {
            let (pixels, objects) = Self.run(Augmenter(settings, seed: seed), data)
            #expect(objects.isEmpty)
            let plane = Self.side * Self.side
            for k in 0..<plane {
                #expect(abs(pixels[k] - pixels[plane + k]) < 1e-5)
                #expect(abs(pixels[k] - pixels[2 * plane + k]) < 1e-5)
                #expect(abs(pixels[k] - pixels[0]) < 1e-6)
            }
            let gain = pixels[0] / Self.background
            #expect(gain >= 0.5 && gain <= 1.5)
            gains.insert(gain)
        }
        #expect(gains.count > 1)
    }

    @Test func hueAndSaturationChangeColoursButNotBoxes() {
        let data = Self.dataset([Self.image(Self.boxes)])
        let settings = Augmentation(hsvH: 0.25, hsvS: 0.5, fliplr: 0)
        let (pixels, objects) = Self.run(Augmenter(settings, seed: 3), data)
        #expect(objects == data.images[0].objects)
        #expect(pixels != data.images[0].pixels)
        #expect(pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func theSameSeedGivesTheSameImages() {
        let data = Self.dataset([Self.image(Self.boxes), Self.image([Self.boxes[1]])])
        let settings = Augmentation(
            mosaic: 0.5, scale: 0.3, translate: 0.2, hsvH: 0.1, hsvS: 0.5, hsvV: 0.4,
            copyPaste: 0.5)
        let a = Augmenter(settings, seed: 9)
        let b = Augmenter(settings, seed: 9)
        for index in [0, 1, 0, 1] {
            let (pixelsA, objectsA) = Self.run(a, data, index: index)
            let (pixelsB, objectsB) = Self.run(b, data, index: index)
            #expect(pixelsA == pixelsB && objectsA == objectsB)
        }
    }
}
