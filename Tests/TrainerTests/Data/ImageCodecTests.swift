import Foundation
import Testing

@testable import Trainer

@Suite struct ImageCodecTests {
    @Test func pngRoundTripIsExact() throws {
        let folder = try TestFiles.scratchFolder()
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<(3 * 7 * 5)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let image = RGBImage(width: 7, height: 5, bytes: bytes)
        let path = folder + "/a.png"
        try ImageCodec.writePNG(image, to: path)
        #expect(try ImageCodec.decode(file: path) == image)
    }

    @Test func aPNGThatCannotBeWrittenNamesThePathAndTheReason() {
        let path = "/nonexistent-folder-\(UUID().uuidString)/a.png"
        #expect(throws: DatasetError.writeFailed(path: path, reason: "No such file or directory")) {
            try ImageCodec.writePNG(
                RGBImage(width: 2, height: 2, bytes: .init(repeating: 1, count: 12)), to: path)
        }
    }

    @Test func chwQuantisationRoundTripsWithinHalfAStep() {
        let pixels: [Float] = [0, 0.2, 0.5, 1, 0.999, 0.001]
        let image = RGBImage(chw: pixels, width: 2, height: 1)
        for (a, b) in zip(image.chwPixels(), pixels) {
            #expect(abs(a - b) <= 0.5 / 255 + 1e-6)
        }
        #expect(image.bytes == [0, 128, 255, 51, 255, 0])
    }

    @Test func palettePNGDecodesToRGB() throws {
        let image = try ImageCodec.decode(file: TestFiles.fixtures + "/palette-6x4.png")
        #expect(image.width == 6 && image.height == 4)
        #expect(Array(image.bytes[0..<3]) == [255, 128, 0])
        #expect(Array(image.bytes.suffix(3)) == [10, 200, 40])
    }

    @Test func jpegFixtureDecodes() throws {
        let image = try ImageCodec.decode(file: TestFiles.fixtures + "/red-blue-16x12.jpg")
        #expect(image.width == 16 && image.height == 12)
        func pixel(_ x: Int, _ y: Int) -> [Int] {
            (0..<3).map { Int(image.bytes[3 * (y * 16 + x) + $0]) }
        }
        for (got, want) in zip(pixel(2, 2), [220, 30, 30]) { #expect(abs(got - want) <= 8) }
        for (got, want) in zip(pixel(13, 9), [30, 30, 220]) { #expect(abs(got - want) <= 8) }
    }

    @Test func grayJPEGDecodesToRGB() throws {
        let image = try ImageCodec.decode(file: TestFiles.fixtures + "/gray-5x3.jpg")
        #expect(image.width == 5 && image.height == 3)
        #expect(image.bytes.allSatisfy { abs(Int($0) - 128) <= 2 })
    }

    @Test func truncatedJPEGIsAnError() throws {
        let data = try [UInt8](
            Data(
                contentsOf: URL(
                    fileURLWithPath: TestFiles.fixtures + "/red-blue-16x12.jpg")))
        let error = #expect(throws: DatasetError.self) {
            try ImageCodec.decode(Array(data.prefix(data.count / 2)), file: "half.jpg")
        }
        guard case .undecodableImage(let file, let reason)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(file == "half.jpg" && !reason.isEmpty)
    }

    @Test func corruptPNGAndUnknownBytesAreErrors() throws {
        let folder = try TestFiles.scratchFolder()
        let path = folder + "/b.png"
        try ImageCodec.writePNG(
            RGBImage(width: 4, height: 4, bytes: .init(repeating: 9, count: 48)),
            to: path)
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(throws: DatasetError.self) {
            try ImageCodec.decode(Array(data.prefix(40)), file: "cut.png")
        }
        #expect(
            throws: DatasetError.undecodableImage(
                file: "x.png", reason: "neither a PNG nor a JPEG signature")
        ) {
            try ImageCodec.decode([1, 2, 3, 4], file: "x.png")
        }
    }
}
