/// Ground truth and detections flattened into arrays and grouped by (category, image) cell, the
/// unit pycocotools evaluates. Cells are ordered by category index, then ascending image id;
/// a cell exists when it has at least one gt or one detection. Inside a cell, gts and detections
/// keep their input (file) order, which the stable sorts downstream rely on.
struct COCOEvalIndex: Sendable {
    /// Evaluated category ids, ascending.
    let categoryIDs: [Int]
    /// `categoryCellStart[k]..<categoryCellStart[k + 1]`: the cells of category `k`.
    let categoryCellStart: [Int]
    /// `cellGTStart[c]..<cellGTStart[c + 1]`: positions in `gtOrder` of cell `c`'s gts.
    let cellGTStart: [Int]
    /// `cellDetectionStart[c]..<cellDetectionStart[c + 1]`: positions in `detectionOrder`.
    let cellDetectionStart: [Int]
    /// Annotation indices, grouped by cell.
    let gtOrder: [Int32]
    /// Detection indices, grouped by cell.
    let detectionOrder: [Int32]

    /// Groups the input, validating what pycocotools cannot handle (see `COCOEvaluationError`).
    /// Annotations on unknown images or categories and detections of unknown categories are dropped,
    /// as pycocotools does.
    init(groundTruth: COCOGroundTruth, detections: [COCODetection]) throws(COCOEvaluationError) {
        try Self.validateAnnotationIDs(groundTruth.annotations)
        let imageIDs = Array(Set(groundTruth.imageIDs)).sorted()
        let categoryIDs = Array(Set(groundTruth.categoryIDs)).sorted()
        let imageIndex = Dictionary(
            uniqueKeysWithValues: imageIDs.enumerated().map { ($0.element, $0.offset) })
        let categoryIndex = Dictionary(
            uniqueKeysWithValues: categoryIDs.enumerated().map { ($0.element, $0.offset) })
        let packing = try COCOCellKey(
            imageCount: imageIDs.count, categoryCount: categoryIDs.count,
            entryCount: max(groundTruth.annotations.count, detections.count))

        var gtKeys: [UInt64] = []
        gtKeys.reserveCapacity(groundTruth.annotations.count)
        for (index, annotation) in groundTruth.annotations.enumerated() {
            guard let image = imageIndex[annotation.imageID],
                let category = categoryIndex[annotation.categoryID]
            else { continue }
            gtKeys.append(packing.key(category: category, image: image, index: index))
        }
        var detectionKeys: [UInt64] = []
        detectionKeys.reserveCapacity(detections.count)
        for (index, detection) in detections.enumerated() {
            guard let image = imageIndex[detection.imageID] else {
                throw .unknownDetectionImage(detectionIndex: index, imageID: detection.imageID)
            }
            guard !detection.score.isNaN else { throw .nanScore(detectionIndex: index) }
            guard let category = categoryIndex[detection.categoryID] else { continue }
            detectionKeys.append(packing.key(category: category, image: image, index: index))
        }
        gtKeys.sort()
        detectionKeys.sort()

        var categoryCellStart = [0]
        var cellGTStart = [0]
        var cellDetectionStart = [0]
        var gtPosition = 0
        var detectionPosition = 0
        var currentCategory = 0
        while gtPosition < gtKeys.count || detectionPosition < detectionKeys.count {
            let gtCell = gtPosition < gtKeys.count ? packing.cell(gtKeys[gtPosition]) : .max
            let detectionCell =
                detectionPosition < detectionKeys.count
                ? packing.cell(detectionKeys[detectionPosition]) : .max
            let cell = min(gtCell, detectionCell)
            while gtPosition < gtKeys.count && packing.cell(gtKeys[gtPosition]) == cell {
                gtPosition += 1
            }
            while detectionPosition < detectionKeys.count
                && packing.cell(detectionKeys[detectionPosition]) == cell
            {
                detectionPosition += 1
            }
            let category = packing.category(ofCell: cell)
            while currentCategory < category {
                categoryCellStart.append(cellGTStart.count - 1)
                currentCategory += 1
            }
            cellGTStart.append(gtPosition)
            cellDetectionStart.append(detectionPosition)
        }
        while categoryCellStart.count <= categoryIDs.count {
            categoryCellStart.append(cellGTStart.count - 1)
        }

        self.categoryIDs = categoryIDs
        self.categoryCellStart = categoryCellStart
        self.cellGTStart = cellGTStart
        self.cellDetectionStart = cellDetectionStart
        self.gtOrder = gtKeys.map(packing.index)
        self.detectionOrder = detectionKeys.map(packing.index)
    }

    private static func validateAnnotationIDs(
        _ annotations: [COCOAnnotation]
    ) throws(COCOEvaluationError) {
        var firstIndex: [Int: Int] = [:]
        firstIndex.reserveCapacity(annotations.count)
        for (index, annotation) in annotations.enumerated() {
            if annotation.id == 0 { throw .zeroAnnotationID(annotationIndex: index) }
            if let first = firstIndex.updateValue(index, forKey: annotation.id) {
                throw .duplicateAnnotationID(
                    id: annotation.id, firstIndex: first, secondIndex: index)
            }
        }
    }
}
