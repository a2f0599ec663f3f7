import Foundation
import Testing

@testable import COCOEval

@Suite struct COCOEvaluatorTests {
    static func gt(_ id: Int, _ box: COCOBox, area: Double, crowd: Bool = false) -> COCOAnnotation {
        COCOAnnotation(id: id, imageID: 1, categoryID: 1, box: box, area: area, isCrowd: crowd)
    }

    static func detection(_ box: COCOBox, _ score: Double, image: Int = 1) -> COCODetection {
        COCODetection(imageID: image, categoryID: 1, box: box, score: score)
    }

    /// Two very tiny gts (areas 50, 48) detected perfectly and one tiny gt (area 144) missed.
    static let tinyCase: (COCOGroundTruth, [COCODetection]) = {
        let a = COCOBox(x: 10, y: 10, width: 5, height: 10)
        let b = COCOBox(x: 100, y: 100, width: 6, height: 8)
        let c = COCOBox(x: 200, y: 200, width: 12, height: 12)
        let groundTruth = COCOGroundTruth(
            imageIDs: [1], categoryIDs: [1],
            annotations: [gt(1, a, area: 50), gt(2, b, area: 48), gt(3, c, area: 144)])
        return (groundTruth, [detection(a, 0.9), detection(b, 0.8)])
    }()

    @Test func aiTODRangesOnAHandMadeCase() throws {
        let (groundTruth, detections) = Self.tinyCase
        let evaluation = try COCOEvaluator(parameters: .aiTOD)
            .evaluate(groundTruth: groundTruth, detections: detections)
        // Two TPs and no FP: precision is exactly 1 (2 + EPS rounds to 2) at every recall.
        #expect(evaluation.averagePrecision(area: .verytiny, maxDetections: 1500) == 1)
        #expect(evaluation.averageRecall(area: .verytiny, maxDetections: 1500) == 1)
        // The tiny gt is missed; the detections match ignored (very tiny) gts, so count nowhere.
        #expect(evaluation.averagePrecision(area: .tiny, maxDetections: 1500) == 0)
        #expect(evaluation.averageRecall(area: .tiny, maxDetections: 1500) == 0)
        // No gt in [256, 1024] nor above 1024: undefined.
        #expect(evaluation.averagePrecision(area: .small, maxDetections: 1500) == -1)
        #expect(evaluation.averagePrecision(area: .medium, maxDetections: 1500) == -1)
        // All ranges: recall reaches 2/3, so 67 of the 101 recall thresholds (0 … 0.66) see 1.
        #expect(evaluation.averagePrecision(area: .all, maxDetections: 1500) == 67.0 / 101.0)
        // AI-TOD's AP@0.25 slot: 0.25 is not among the thresholds, so -1 as in aitodpycocotools.
        #expect(
            evaluation.averagePrecision(area: .all, maxDetections: 1500, iouThreshold: 0.25) == -1)
    }

    @Test func metricsFillEveryField() throws {
        let (groundTruth, detections) = Self.tinyCase
        let metrics = try COCOEvaluator.metrics(groundTruth: groundTruth, detections: detections)
        #expect(metrics.apVeryTiny == 1)
        #expect(metrics.apTiny == 0)
        #expect(metrics.apTinySmall == -1)
        #expect(metrics.apSmall == 67.0 / 101.0)
        #expect(metrics.ap50Small == 67.0 / 101.0)
        #expect(metrics.ap == 67.0 / 101.0)
        #expect(metrics.apMedium == -1)
        #expect(metrics.apLarge == -1)
        // Means of ten equal recalls (1/3, 2/3), within the rounding of numpy's summation.
        #expect(abs(metrics.ar1 - 1.0 / 3.0) < 1e-15)
        #expect(abs(metrics.ar100 - 2.0 / 3.0) < 1e-15)
    }

    @Test func aiTODRangeBoundariesAreInclusive() throws {
        // Area exactly 64 is both very tiny and tiny; exactly 1024 is both small and medium.
        let boxes = [
            COCOBox(x: 0, y: 0, width: 8, height: 8), COCOBox(x: 50, y: 0, width: 8, height: 8),
            COCOBox(x: 100, y: 0, width: 32, height: 32),
            COCOBox(x: 200, y: 0, width: 32, height: 32),
        ]
        let groundTruth = COCOGroundTruth(
            imageIDs: [1], categoryIDs: [1],
            annotations: boxes.enumerated().map {
                Self.gt($0.offset + 1, $0.element, area: $0.element.width * $0.element.height)
            })
        let detections = boxes.enumerated().map {
            Self.detection($0.element, 0.9 - 0.1 * Double($0.offset))
        }
        let evaluation = try COCOEvaluator(parameters: .aiTOD)
            .evaluate(groundTruth: groundTruth, detections: detections)
        for area in [COCOArea.all, .verytiny, .tiny, .small, .medium] {
            #expect(evaluation.averagePrecision(area: area, maxDetections: 1500) == 1, "\(area)")
        }
    }

    @Test func emptyCategoryIsExcludedAndUndetectedCategoryCountsZero() throws {
        let box = COCOBox(x: 0, y: 0, width: 10, height: 10)
        let groundTruth = COCOGroundTruth(
            imageIDs: [1, 2], categoryIDs: [1, 2, 3],
            annotations: [
                COCOAnnotation(id: 1, imageID: 1, categoryID: 1, box: box, area: 100),
                COCOAnnotation(id: 2, imageID: 2, categoryID: 1, box: box, area: 100),
                COCOAnnotation(id: 3, imageID: 1, categoryID: 2, box: box, area: 100),
            ])
        let detections = [
            COCODetection(imageID: 1, categoryID: 1, box: box, score: 0.9),
            COCODetection(imageID: 2, categoryID: 1, box: box, score: 0.5),
            COCODetection(imageID: 2, categoryID: 3, box: box, score: 0.5),
        ]
        let evaluation = try COCOEvaluator().evaluate(
            groundTruth: groundTruth, detections: detections)
        #expect(
            evaluation.categoryAveragePrecision(categoryID: 1, area: .all, maxDetections: 100) == 1
        )
        #expect(
            evaluation.categoryAveragePrecision(categoryID: 2, area: .all, maxDetections: 100) == 0
        )
        #expect(
            evaluation.categoryAveragePrecision(categoryID: 3, area: .all, maxDetections: 100)
                == -1)
        #expect(
            evaluation.categoryAveragePrecision(categoryID: 4, area: .all, maxDetections: 100)
                == nil)
        #expect(evaluation.stats[0] == 0.5)
        #expect(evaluation.stats[5] == -1)
    }

    @Test func rejectsInvalidInput() {
        let box = COCOBox(x: 0, y: 0, width: 10, height: 10)
        let groundTruth = COCOGroundTruth(
            imageIDs: [1], categoryIDs: [1], annotations: [Self.gt(4, box, area: 100)])
        let evaluator = COCOEvaluator()
        #expect(throws: COCOEvaluationError.unknownDetectionImage(detectionIndex: 1, imageID: 9)) {
            try evaluator.evaluate(
                groundTruth: groundTruth,
                detections: [Self.detection(box, 0.5), Self.detection(box, 0.5, image: 9)])
        }
        #expect(throws: COCOEvaluationError.nanScore(detectionIndex: 0)) {
            try evaluator.evaluate(
                groundTruth: groundTruth, detections: [Self.detection(box, .nan)])
        }
        var duplicate = groundTruth
        duplicate.annotations.append(Self.gt(4, box, area: 100))
        #expect(
            throws: COCOEvaluationError.duplicateAnnotationID(id: 4, firstIndex: 0, secondIndex: 1)
        ) {
            try evaluator.evaluate(groundTruth: duplicate, detections: [])
        }
        var zero = groundTruth
        zero.annotations[0].id = 0
        #expect(throws: COCOEvaluationError.zeroAnnotationID(annotationIndex: 0)) {
            try evaluator.evaluate(groundTruth: zero, detections: [])
        }
    }

    @Test func noDetectionsGiveZeroAndNoGroundTruthGivesUndefined() throws {
        let box = COCOBox(x: 0, y: 0, width: 10, height: 10)
        let withGT = COCOGroundTruth(
            imageIDs: [1], categoryIDs: [1], annotations: [Self.gt(1, box, area: 100)])
        let stats = try COCOEvaluator().evaluate(groundTruth: withGT, detections: []).stats
        let expected: [Double] = [0, 0, 0, 0, -1, -1, 0, 0, 0, 0, -1, -1]
        #expect(stats == expected)
        let empty = COCOGroundTruth(imageIDs: [1], categoryIDs: [1], annotations: [])
        let undefined = try COCOEvaluator().evaluate(
            groundTruth: empty, detections: [Self.detection(box, 0.5)]
        ).stats
        #expect(undefined == Array(repeating: -1, count: 12))
    }

    @Test func summaryLinesMatchPycocotools() {
        let thresholds = COCOEvalParameters.coco.iouThresholds
        let ap = COCOSummaryLine(
            isPrecision: true, iouThreshold: nil, area: .all, maxDetections: 100, value: 0.12345)
        #expect(
            ap.formatted(thresholds: thresholds)
                == " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.123"
        )
        let ar = COCOSummaryLine(
            isPrecision: false, iouThreshold: 0.5, area: .small, maxDetections: 1, value: -1)
        #expect(
            ar.formatted(thresholds: thresholds)
                == " Average Recall     (AR) @[ IoU=0.50      | area= small | maxDets=  1 ] = -1.000"
        )
    }

    @Test func linspaceReproducesNumpy() {
        let iou = COCOEvalParameters.coco.iouThresholds
        #expect(iou.count == 10)
        #expect(iou[8] == 0.8999999999999999)
        #expect(iou[9] == 0.95)
        let recall = COCOEvalParameters.coco.recallThresholds
        #expect(recall.count == 101)
        #expect(recall[35] == 0.35000000000000003)
        #expect(recall[100] == 1)
    }

    @Test func pairwiseSumFollowsNumpyBlocks() {
        // Below 8 elements: left to right, so 1e16 absorbs the ones.
        let small: [Double] = [1e16, 1, 1]
        let leftToRight: Double = ((1e16 + 1) + 1) / 3
        #expect(PairwiseSum.mean(small) == leftToRight)
        // 16 elements: 8 accumulators, so the ones meet before they meet 1e16.
        let values = [1e16] + Array(repeating: 1.0, count: 15)
        let pairwise = values.withUnsafeBufferPointer { PairwiseSum.sum($0) }
        let s0: Double = 1e16 + 1.0
        let two: Double = 2
        let left: Double = (s0 + two) + (two + two)
        let right: Double = (two + two) + (two + two)
        #expect(pairwise == left + right)
        #expect(pairwise != values.reduce(0, +))
    }

    @Test func parallelAndSerialAgreeOnASyntheticCase() throws {
        let synthetic = SyntheticCOCOCase.generate(
            seed: 3, imageCount: 40, categoryCount: 4, gtCount: 300, detectionCount: 700)
        #expect(synthetic.detections.count == 700)
        let again = SyntheticCOCOCase.generate(
            seed: 3, imageCount: 40, categoryCount: 4, gtCount: 300, detectionCount: 700)
        #expect(again.detections == synthetic.detections)
        let serial = try COCOEvaluator(isParallel: false)
            .evaluate(groundTruth: synthetic.groundTruth, detections: synthetic.detections).stats
        let parallel = try COCOEvaluator(isParallel: true)
            .evaluate(groundTruth: synthetic.groundTruth, detections: synthetic.detections).stats
        #expect(serial == parallel)
        #expect(serial[0] > 0 && serial[0] < 1)
    }

    @Test func writerOutputReadsBackIdentically() throws {
        let synthetic = SyntheticCOCOCase.generate(
            seed: 1, imageCount: 5, categoryCount: 2, gtCount: 20, detectionCount: 30)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("coco-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let gtURL = directory.appendingPathComponent("gt.json")
        let detectionsURL = directory.appendingPathComponent("dets.json")
        try COCOJSONWriter.groundTruthJSON(synthetic.groundTruth, imageWidth: 640, imageHeight: 640)
            .write(to: gtURL, atomically: true, encoding: .utf8)
        try COCOJSONWriter.detectionsJSON(synthetic.detections)
            .write(to: detectionsURL, atomically: true, encoding: .utf8)
        let groundTruth = try COCOJSONReader.readGroundTruth(at: gtURL)
        #expect(groundTruth == synthetic.groundTruth)
        #expect(
            try COCOJSONReader.readDetections(at: detectionsURL, groundTruth: groundTruth)
                == synthetic.detections)
        let report = try COCOEvalReport.evaluate(
            groundTruthFile: gtURL, detectionsFile: detectionsURL)
        #expect(report.values.count == COCOEvalReport.keys.count)
        #expect(report.text.split(separator: "\n").count == 17)
    }
}
