import Foundation
import Testing

@testable import Trainer

@Suite struct ImageFitTests {
    /// Content width and height, left and top.
    func geometry(_ fit: ImageFit) -> [Int] {
        [fit.contentWidth, fit.contentHeight, fit.left, fit.top]
    }

    @Test func letterboxKeepsTheAspectAndCentresTheContent() {
        let wide = ImageFit(width: 200, height: 100, size: 64, mode: .letterbox)
        #expect(wide == ImageFit(width: 200, height: 100, size: 64, mode: .letterbox))
        #expect(geometry(wide) == [64, 32, 0, 16])
        let tall = ImageFit(width: 30, height: 100, size: 64, mode: .letterbox)
        // 30 × 0.64 = 19.2 → 19 columns; 45 of padding, 22 left and 23 right.
        #expect(geometry(tall) == [19, 64, 22, 0])
        let stretched = ImageFit(width: 200, height: 100, size: 64, mode: .stretch)
        #expect(geometry(stretched) == [64, 64, 0, 0])
    }

    /// The box drawn at (40, 20, 40 × 40) of a 200 × 100 image lands, letterboxed to 64², at
    /// (12.8, 22.4, 12.8 × 12.8): white inside, black beside it, grey 114 in the padding.
    @Test func letterboxedBoxesLandOnTheirPixels() throws {
        let drawn = BoundingBox(x: 40, y: 20, width: 40, height: 40)
        let dataFile = try TinyYOLODataset.write(width: 200, height: 100, box: drawn)
        let image = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 64, resize: .letterbox, skipCorrupt: false
        ).split.train.images[0]
        let box = try #require(image.objects.first?.box)
        for (got, want) in [(box.x, 12.8), (box.y, 22.4), (box.width, 12.8), (box.height, 12.8)] {
            #expect(abs(got - Float(want)) < 1e-3)
        }
        let pixels = image.pixels
        func value(_ x: Int, _ y: Int, channel: Int = 0) -> Float {
            pixels[channel * 64 * 64 + y * 64 + x]
        }
        #expect(value(19, 28) > 0.95, "the box's centre is white")
        #expect(value(11, 28) < 0.05 && value(27, 28) < 0.05, "left and right of it are black")
        #expect(value(19, 20) < 0.05 && value(19, 37) < 0.05, "above and below it are black")
        for y in [0, 15, 48, 63] {
            for channel in 0..<3 {
                #expect(value(5, y, channel: channel) == Float(114) / 255, "row \(y) is padding")
            }
        }
    }

    @Test func stretchScalesEachAxisToTheSize() throws {
        let drawn = BoundingBox(x: 40, y: 20, width: 40, height: 40)
        let dataFile = try TinyYOLODataset.write(width: 200, height: 100, box: drawn)
        let image = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 64, resize: .stretch, skipCorrupt: false
        ).split.train.images[0]
        let box = try #require(image.objects.first?.box)
        for (got, want) in [(box.x, 12.8), (box.y, 12.8), (box.width, 12.8), (box.height, 25.6)] {
            #expect(abs(got - Float(want)) < 1e-3)
        }
        #expect(image.pixels[25 * 64 + 19] > 0.95)
        #expect(image.pixels[5 * 64 + 19] < 0.05, "no padding: the top rows are the image's")
    }
}
