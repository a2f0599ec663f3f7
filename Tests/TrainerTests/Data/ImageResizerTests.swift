import Testing

@testable import Trainer

@Suite struct ImageResizerTests {
    @Test func sameSizeIsIdentity() {
        let pixels = (0..<12).map { Float($0) / 12 }
        #expect(ImageResizer.resize(pixels, width: 2, height: 2, toWidth: 2, height: 2) == pixels)
    }

    @Test func constantImageStaysConstant() {
        let pixels = [Float](repeating: 0.25, count: 3 * 5 * 7)
        let out = ImageResizer.resize(pixels, width: 7, height: 5, toWidth: 4, height: 9)
        #expect(out.count == 3 * 4 * 9)
        #expect(out.allSatisfy { abs($0 - 0.25) < 1e-6 })
    }

    @Test func upscaleInterpolatesBetweenPixelCentres() {
        // One channel row 0 → 1 (width 2): the 4-wide row is 0, 0.25, 0.75, 1.
        let pixels: [Float] = [0, 1, 0, 1, 0, 1]
        let out = ImageResizer.resize(pixels, width: 2, height: 1, toWidth: 4, height: 1)
        for (a, b) in zip(out.prefix(4), [0, 0.25, 0.75, 1] as [Float]) {
            #expect(abs(a - b) < 1e-6)
        }
    }
}
