import Foundation
import Testing

@testable import COCOEval

/// The metric names are defined once, by `DetectionMetric`, and must never change (they are
/// database columns and JSON keys of stored results).
@Suite struct DetectionMetricTests {
    @Test func namesAndReportKeysAreTheStoredOnes() {
        #expect(
            DetectionMetric.allCases.map(\.name) == [
                "ap", "ap50", "ap75", "ap_small", "ap_medium", "ap_large",
                "ar1", "ar10", "ar100", "ar_small", "ar_medium", "ar_large",
                "ap50_small", "ap_very_tiny", "ap_tiny", "ap_tiny_small",
            ])
        #expect(
            COCOEvalReport.keys == [
                "AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm",
                "ARl", "AP50s", "APvt", "APt", "APs_aitod",
            ])
        #expect(DetectionMetric.pycocotoolsStats == Array(DetectionMetric.allCases.prefix(12)))
    }

    /// Each metric reads and writes its own field, and JSON uses the names as keys.
    @Test func fieldsAndJSONKeysFollowTheNames() throws {
        let metrics = DetectionMetrics { Double(DetectionMetric.allCases.firstIndex(of: $0) ?? -1) }
        for (index, metric) in DetectionMetric.allCases.enumerated() {
            #expect(metrics[metric] == Double(index))
        }
        #expect(Set(DetectionMetric.allCases.map { metrics[$0] }).count == 16)
        let data = try JSONEncoder().encode(metrics)
        let object = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Double])
        #expect(object.count == 16)
        for metric in DetectionMetric.allCases {
            #expect(object[metric.name] == metrics[metric])
        }
        #expect(try JSONDecoder().decode(DetectionMetrics.self, from: data) == metrics)
    }

    @Test func aMissingKeyIsADecodingErrorNamingIt() {
        let json = Data(#"{"ap": 0.1}"#.utf8)
        #expect {
            try JSONDecoder().decode(DetectionMetrics.self, from: json)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "ap50"
        }
    }

    /// The metrics equal the report's lines, which are the pycocotools stats and the extra
    /// settings read from the two evaluations.
    @Test func metricsMatchTheSummaryLines() throws {
        let synthetic = SyntheticCOCOCase.generate(
            seed: 2, imageCount: 20, categoryCount: 3, gtCount: 150, detectionCount: 300)
        let report = try COCOEvalReport(
            groundTruth: synthetic.groundTruth, detections: synthetic.detections)
        let metrics = try COCOEvaluator.metrics(
            groundTruth: synthetic.groundTruth, detections: synthetic.detections)
        #expect(DetectionMetric.allCases.map { metrics[$0] } == report.values)
        let coco = try COCOEvaluator(parameters: .coco)
            .evaluate(groundTruth: synthetic.groundTruth, detections: synthetic.detections)
        #expect(Array(report.values.prefix(12)) == coco.stats)
        #expect(
            metrics.ap50Small
                == coco.averagePrecision(area: .small, maxDetections: 100, iouThreshold: 0.5))
        let aiTOD = try COCOEvaluator(parameters: .aiTOD)
            .evaluate(groundTruth: synthetic.groundTruth, detections: synthetic.detections)
        #expect(metrics.apTiny == aiTOD.averagePrecision(area: .tiny, maxDetections: 1500))
        #expect(metrics.ap > 0 && metrics.ap < 1)
    }
}
