import Testing

@testable import COCOEval

/// The (category, image, index) sort key stays distinct for every cell, also past 2³² cells, and an
/// input too large to pack is refused with a typed error.
@Suite struct COCOCellKeyTests {
    static let images = 1 << 20
    static let categories = 4097

    @Test func cellsPast2To32StayDistinct() throws {
        let packing = try COCOCellKey(
            imageCount: Self.images, categoryCount: Self.categories, entryCount: 3)
        let last = packing.key(category: Self.categories - 1, image: Self.images - 1, index: 2)
        let first = packing.key(category: 0, image: Self.images - 1, index: 1)
        #expect(packing.cell(last) != packing.cell(first))
        #expect(packing.cell(last) == UInt64(Self.categories * Self.images - 1))
        #expect(packing.category(ofCell: packing.cell(last)) == Self.categories - 1)
        #expect(packing.category(ofCell: packing.cell(first)) == 0)
        #expect(packing.index(last) == 2 && packing.index(first) == 1)
        #expect(first < last)
    }

    @Test(arguments: [
        (1, 1, 1), (5000, 10, 100_000), (1 << 20, 4097, 1 << 20), (1, 1, 1 << 31 - 1),
    ])
    func keysRoundTripAtTheCorners(images: Int, categories: Int, entries: Int) throws {
        let packing = try COCOCellKey(
            imageCount: images, categoryCount: categories, entryCount: entries)
        for (category, image, index) in [
            (0, 0, 0), (categories - 1, images - 1, entries - 1), (categories - 1, 0, 0),
            (0, images - 1, entries - 1),
        ] {
            let key = packing.key(category: category, image: image, index: index)
            #expect(packing.cell(key) == UInt64(category * images + image))
            #expect(packing.category(ofCell: packing.cell(key)) == category)
            #expect(packing.index(key) == Int32(index))
        }
    }

    @Test(arguments: [
        (1 << 40, 1 << 20, 16), (Int.max, 2, 1), (1, 1, 1 << 31), (1 << 32, 1 << 16, 1 << 20),
    ])
    func tooLargeInputsAreRefused(images: Int, categories: Int, entries: Int) {
        #expect(
            throws: COCOEvaluationError.tooLargeToIndex(
                images: images, categories: categories, entries: entries)
        ) {
            try COCOCellKey(imageCount: images, categoryCount: categories, entryCount: entries)
        }
    }

    /// The reported case: 2²⁰ images × 4097 categories, a category-4097 detection on the image of a
    /// category-1 gt. They must land in different cells (the old 32-bit cell wrapped them together).
    @Test func theIndexKeepsCategory4097ApartFromCategory1() throws {
        let imageIDs = Array(1...Self.images)
        let box = COCOBox(x: 0, y: 0, width: 10, height: 10)
        let groundTruth = COCOGroundTruth(
            imageIDs: imageIDs, categoryIDs: Array(1...Self.categories),
            annotations: [
                COCOAnnotation(
                    id: 1, imageID: 1, categoryID: 1, box: box, area: 100, isCrowd: false)
            ])
        let detection = COCODetection(
            imageID: 1, categoryID: Self.categories, box: box, score: 0.9)
        let index = try COCOEvalIndex(groundTruth: groundTruth, detections: [detection])
        let firstCells = index.categoryCellStart[0]..<index.categoryCellStart[1]
        let lastCells =
            index.categoryCellStart[Self.categories - 1]..<index.categoryCellStart[Self.categories]
        #expect(firstCells.count == 1 && lastCells.count == 1)
        let first = firstCells.lowerBound
        let last = lastCells.lowerBound
        #expect(index.cellGTStart[first + 1] - index.cellGTStart[first] == 1)
        #expect(index.cellDetectionStart[first + 1] - index.cellDetectionStart[first] == 0)
        #expect(index.cellGTStart[last + 1] - index.cellGTStart[last] == 0)
        #expect(index.cellDetectionStart[last + 1] - index.cellDetectionStart[last] == 1)
    }
}
