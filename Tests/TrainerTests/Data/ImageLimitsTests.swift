import Foundation
import Testing

@testable import Trainer

/// Images whose header claims a size beyond `ImageLimits` are refused before decoding, naming the
/// file and the claimed size; corrupt or truncated files are errors, never a crash.
@Suite struct ImageLimitsTests {
    static let tooLarge: [(width: Int, height: Int)] = [
        (100_000, 100_000), (20_000, 20_000), (ImageLimits.maxSide + 1, 1),
        (1, ImageLimits.maxSide + 1), (10_000, 10_000),
    ]

    @Test(arguments: tooLarge)
    func pngHeaderClaimingAHugeImageIsRefused(width: Int, height: Int) {
        let png = PNGHeader.bytes(width: UInt32(width), height: UInt32(height))
        #expect(throws: DatasetError.imageTooLarge(file: "big.png", width: width, height: height)) {
            try ImageCodec.decode(png, file: "big.png")
        }
    }

    @Test func pngAtTheLimitPassesTheCheckAndFailsOnlyForItsMissingPixels() {
        let png = PNGHeader.bytes(width: UInt32(ImageLimits.maxSide), height: 1)
        let error = #expect(throws: DatasetError.self) {
            try ImageCodec.decode(png, file: "edge.png")
        }
        guard case .undecodableImage(let file, _)? = error else {
            Issue.record("expected undecodableImage, got \(String(describing: error))")
            return
        }
        #expect(file == "edge.png")
    }

    @Test(arguments: tooLarge.filter { $0.width <= 65_500 && $0.height <= 65_500 })
    func jpegHeaderClaimingAHugeImageIsRefused(width: Int, height: Int) throws {
        var jpeg = try fixture("red-blue-16x12.jpg")
        let frame = try #require(startOfFrame(in: jpeg))
        jpeg[frame + 5] = UInt8(height >> 8)
        jpeg[frame + 6] = UInt8(height & 0xFF)
        jpeg[frame + 7] = UInt8(width >> 8)
        jpeg[frame + 8] = UInt8(width & 0xFF)
        #expect(throws: DatasetError.imageTooLarge(file: "big.jpg", width: width, height: height)) {
            try ImageCodec.decode(jpeg, file: "big.jpg")
        }
    }

    @Test func theMessageNamesFileSizeAndLimit() {
        let message = DatasetError.imageTooLarge(file: "a.png", width: 100_000, height: 7)
            .description
        #expect(message.hasPrefix("a.png: the image claims 100000×7 pixels"))
        #expect(message.contains("\(ImageLimits.maxSide) pixels per side"))
    }

    @Test(arguments: ["red-blue-16x12.jpg", "gray-5x3.jpg", "palette-6x4.png"])
    func everyTruncationAndByteFlipIsAnErrorOrAnImage(name: String) throws {
        let data = try fixture(name)
        var variants = (0..<data.count).map { Array(data.prefix($0)) }
        for position in stride(from: 0, to: data.count, by: 3) {
            var flipped = data
            flipped[position] ^= 0xA5
            variants.append(flipped)
        }
        #expect(variants.count > data.count)
        var errors = 0
        for bytes in variants {
            do {
                let image = try ImageCodec.decode(bytes, file: name)
                #expect(image.bytes.count == 3 * image.width * image.height)
            } catch {
                errors += 1
            }
        }
        #expect(errors >= data.count / 2)
    }

    @Test func aHugeClaimIsSkippedAsAWarningUnderSkipCorrupt() throws {
        let options = SyntheticDatasetOptions(imageSize: 32, trainImages: 2, valImages: 1, seed: 3)
        let root = try TestFiles.scratchFolder()
        let dataFile = try SyntheticDatasetExport.export(options, to: root).dataFile
        let bomb = root + "/images/train/000000.png"
        try Data(PNGHeader.bytes(width: 100_000, height: 100_000))
            .write(to: URL(fileURLWithPath: bomb))
        let expected = DatasetError.imageTooLarge(file: bomb, width: 100_000, height: 100_000)
        #expect(throws: expected) {
            try YOLODatasetReader.read(dataFile: dataFile, imageSize: 32, skipCorrupt: false)
        }
        let result = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 32, skipCorrupt: true)
        #expect(result.warnings == [expected])
        #expect(result.split.train.images.count == 1)
    }

    private func fixture(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestFiles.fixtures + "/" + name)))
    }

    /// The offset of the baseline or progressive start-of-frame marker (FFC0/FFC2).
    private func startOfFrame(in jpeg: [UInt8]) -> Int? {
        jpeg.indices.dropLast().first { jpeg[$0] == 0xFF && [0xC0, 0xC2].contains(jpeg[$0 + 1]) }
    }
}
