import Testing

@testable import Trainer

@Suite struct DatasetStatisticsTests {
    @Test func countsClassesAndCOCOSizeRanges() {
        func object(_ cls: Int, _ side: Float) -> ObjectAnnotation {
            ObjectAnnotation(
                classIndex: cls, box: BoundingBox(x: 0, y: 0, width: side, height: side))
        }
        let image = DetectionImage(
            width: 1, height: 1, pixels: [0, 0, 0],
            objects: [object(0, 31), object(1, 32), object(1, 95), object(1, 96)])
        let stats = DatasetStatistics(DetectionDataset(classNames: ["a", "b"], images: [image]))
        #expect(stats.images == 1 && stats.objects == 4)
        #expect(stats.objectsPerClass == [1, 3])
        #expect(stats.small == 1 && stats.medium == 2 && stats.large == 1)
        #expect(stats.description == "1 images, 4 objects (small 1, medium 2, large 1; a 1, b 3)")
    }
}
