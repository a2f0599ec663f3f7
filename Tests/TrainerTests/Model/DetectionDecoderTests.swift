import Testing

@testable import Trainer

@Suite struct DetectionDecoderTests {
    @Test func peaksBecomeBoxesBestFirstAndNeighboursAreSuppressed() {
        let output = Tensor(1, 5, 4, 4)
        for i in 0..<16 { output[i] = -10 }
        output[1 * 4 + 1] = 3  // peak of class 0 at (1, 1)
        output[1 * 4 + 2] = 2  // its weaker neighbour: suppressed
        output[3 * 4 + 3] = 1  // a second, weaker peak at (3, 3)
        let plane = 16
        output[1 * plane + 5] = 0.5  // dx at (1, 1)
        output[2 * plane + 5] = 0.25  // dy
        output[3 * plane + 5] = Float(0.6931472)  // log 2 cells → 8 px wide
        output[4 * plane + 5] = 0  // 1 cell → 4 px high
        let decoder = DetectionDecoder(classCount: 1, stride: 4, minimumScore: 0.5)
        let detections = decoder.decode(output, item: 0, imageWidth: 16, imageHeight: 16)
        #expect(detections.count == 2)
        #expect(detections[0].score > detections[1].score)
        let box = detections[0].box
        // Centre (1.5, 1.25) cells = (6, 5) px.
        #expect(abs(box.x - 2) < 1e-4 && abs(box.y - 3) < 1e-4)
        #expect(abs(box.width - 8) < 1e-4 && abs(box.height - 4) < 1e-4)
    }

    @Test func keepsAtMostMaxDetections() {
        let output = Tensor(1, 5, 10, 10)
        for y in 0..<10 {
            for x in 0..<10 { output[y * 10 + x] = (x + y) % 2 == 0 ? 1 : -1 }
        }
        let decoder = DetectionDecoder(classCount: 1, stride: 4, maxDetections: 7)
        #expect(decoder.decode(output, item: 0, imageWidth: 40, imageHeight: 40).count == 7)
    }
}
