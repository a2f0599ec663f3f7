import Testing

@testable import Trainer

@Suite struct SyntheticDatasetTests {
    static let small = SyntheticDatasetOptions(
        imageSize: 64, trainImages: 12, valImages: 4, seed: 3)

    @Test func sameSeedGivesSamePixelsAndBoxes() {
        let a = SyntheticDataset.generate(Self.small)
        let b = SyntheticDataset.generate(Self.small)
        #expect(a == b)
    }

    @Test func differentSeedDiffers() {
        var other = Self.small
        other.seed = 4
        let a = SyntheticDataset.generate(Self.small)
        let b = SyntheticDataset.generate(other)
        #expect(a.train.images[0].pixels != b.train.images[0].pixels)
        #expect(a.train.images.map(\.objects) != b.train.images.map(\.objects))
    }

    @Test func trainAndValDiffer() {
        let split = SyntheticDataset.generate(Self.small)
        #expect(split.train.images[0].pixels != split.val.images[0].pixels)
    }

    @Test func imagesDoNotDependOnSplitLength() {
        var longer = Self.small
        longer.trainImages = 20
        let a = SyntheticDataset.generate(Self.small)
        let b = SyntheticDataset.generate(longer)
        #expect(Array(b.train.images.prefix(12)) == a.train.images)
    }

    @Test func shapesClassesAndPixelRange() {
        let split = SyntheticDataset.generate(Self.small)
        #expect(split.train.classNames == ["circle", "square", "triangle", "cross"])
        #expect(split.train.images.count == 12 && split.val.images.count == 4)
        for image in split.train.images + split.val.images {
            #expect(image.width == 64 && image.height == 64)
            #expect(image.pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect((1...12).contains(image.objects.count))
        }
    }

    @Test func boxesAreInsideTheImage() {
        let split = SyntheticDataset.generate(
            SyntheticDatasetOptions(imageSize: 128, trainImages: 40, valImages: 0, seed: 9))
        for image in split.train.images {
            for object in image.objects {
                let b = object.box
                #expect(b.x >= 0 && b.y >= 0 && b.width >= 1 && b.height >= 1)
                #expect(b.x + b.width <= 128 && b.y + b.height <= 128)
                #expect(b.x == b.x.rounded() && b.width == b.width.rounded())
                #expect((0..<4).contains(object.classIndex))
            }
        }
    }

    @Test func mostObjectsAreSmallSomeMedium() {
        let split = SyntheticDataset.generate(
            SyntheticDatasetOptions(imageSize: 128, trainImages: 60, valImages: 0, seed: 1))
        let areas = split.train.images.flatMap(\.objects).map { $0.box.width * $0.box.height }
        let small = areas.filter { $0 < 32 * 32 }.count
        let medium = areas.filter { $0 >= 32 * 32 && $0 < 96 * 96 }.count
        #expect(Double(small) > 0.75 * Double(areas.count))
        #expect(medium > 0)
        #expect(small + medium == areas.count)
        let perImage = Double(areas.count) / 60
        #expect(perImage > 4 && perImage < 10)
    }

    @Test func somePairsOfObjectsOverlap() {
        let split = SyntheticDataset.generate(
            SyntheticDatasetOptions(imageSize: 128, trainImages: 60, valImages: 0, seed: 2))
        var overlapping = 0
        for image in split.train.images {
            let boxes = image.objects.map(\.box)
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    let w =
                        min(boxes[i].x + boxes[i].width, boxes[j].x + boxes[j].width)
                        - max(boxes[i].x, boxes[j].x)
                    let h =
                        min(boxes[i].y + boxes[i].height, boxes[j].y + boxes[j].height)
                        - max(boxes[i].y, boxes[j].y)
                    if w > 0 && h > 0 { overlapping += 1 }
                }
            }
        }
        #expect(overlapping >= 10)
    }

    @Test func labelledPixelsCarryTheClassColour() {
        // The centre pixel of an unoccluded circle is red-dominant: labels match the drawing.
        let split = SyntheticDataset.generate(Self.small)
        var checked = 0
        for image in split.train.images {
            for (k, object) in image.objects.enumerated() where object.classIndex == 0 {
                let later = image.objects[(k + 1)...].map(\.box)
                let cx = Int(object.box.x + object.box.width / 2)
                let cy = Int(object.box.y + object.box.height / 2)
                let hidden = later.contains {
                    Float(cx) >= $0.x && Float(cx) < $0.x + $0.width && Float(cy) >= $0.y
                        && Float(cy) < $0.y + $0.height
                }
                guard !hidden else { continue }
                let plane = image.width * image.height
                let p = cy * image.width + cx
                let (r, g, b) = (
                    image.pixels[p], image.pixels[plane + p], image.pixels[2 * plane + p]
                )
                #expect(r > g && r > b)
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func validateRejectsBadOptions() {
        #expect(
            throws: DatasetError.invalidOption(
                key: "data.synthetic.image_size", value: "8", expected: "must be >= 32")
        ) {
            try SyntheticDataset.validate(SyntheticDatasetOptions(imageSize: 8))
        }
        #expect(throws: DatasetError.self) {
            try DatasetLoader.load(.synthetic(SyntheticDatasetOptions(trainImages: 0)))
        }
    }
}
