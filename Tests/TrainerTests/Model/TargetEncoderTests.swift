import Foundation
import Testing

@testable import Trainer

@Suite struct TargetEncoderTests {
    @Test func centreCellIsOneAndBoxTargetIsOffsetAndLogSize() {
        let object = ObjectAnnotation(
            classIndex: 1, box: BoundingBox(x: 9, y: 4, width: 6, height: 8))
        let encoder = TargetEncoder(classCount: 2, stride: 4)
        encoder.encode([[object]], outputHeight: 8, outputWidth: 8)
        // Centre (12, 8) px → cell (3, 2), offset (0, 0); size 1.5 × 2 cells.
        let plane = encoder.heatmap.planeCount
        #expect(encoder.heatmap[plane + 2 * 8 + 3] == 1)
        #expect(encoder.heatmap.values.filter { $0 == 1 }.count == 1)
        #expect(encoder.boxes.count == 1)
        let target = encoder.boxes[0]
        #expect(target.cell == 2 * 8 + 3)
        #expect(abs(target.values[0]) < 1e-6 && abs(target.values[1]) < 1e-6)
        #expect(abs(target.values[2] - log(1.5)) < 1e-6)
        #expect(abs(target.values[3] - log(2)) < 1e-6)
    }

    @Test func largerObjectsGetAGaussianBelowOne() {
        let object = ObjectAnnotation(
            classIndex: 0, box: BoundingBox(x: 0, y: 0, width: 24, height: 24))
        let encoder = TargetEncoder(classCount: 1, stride: 4)
        encoder.encode([[object]], outputHeight: 8, outputWidth: 8)
        let neighbour = encoder.heatmap[3 * 8 + 4]
        #expect(neighbour > 0 && neighbour < 1)
    }

    @Test func objectsOfOtherClassesOrEmptyBoxesAreIgnored() {
        let objects = [
            ObjectAnnotation(classIndex: 3, box: BoundingBox(x: 2, y: 2, width: 4, height: 4)),
            ObjectAnnotation(classIndex: 0, box: BoundingBox(x: 2, y: 2, width: 0, height: 4)),
            ObjectAnnotation(classIndex: 0, box: BoundingBox(x: 26, y: 2, width: 4, height: 4)),
        ]
        let encoder = TargetEncoder(classCount: 1, stride: 4)
        encoder.encode([[], objects], outputHeight: 8, outputWidth: 8)
        // Only the last object counts: centre (28, 4) px of image 1 → cell (7, 1).
        #expect(encoder.boxes.count == 1)
        #expect(encoder.boxes[0].item == 1 && encoder.boxes[0].cell == 1 * 8 + 7)
    }
}
