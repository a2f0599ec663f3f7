import Foundation
import Testing

@testable import COCOEval

/// The evaluator against pycocotools 2.0.11 on the 50 reference cases.
@Suite struct COCOEvaluatorFixtureTests {
    /// Bit-exact: the spec's EPS and numpy pairwise means reproduce pycocotools exactly.
    static let tolerance = 0.0

    @Test func fixturesArePresent() throws {
        #expect(
            try COCOFixture.fileNames().count == 50, "fixtures in \(COCOFixture.directory.path)")
    }

    @Test(arguments: try COCOFixture.fileNames())
    func matchesPycocotools(fileName: String) throws {
        let fixture = try COCOFixture(fileName: fileName)
        for isParallel in [false, true] {
            let evaluation = try COCOEvaluator(parameters: .coco, isParallel: isParallel)
                .evaluate(groundTruth: fixture.groundTruth, detections: fixture.detections)
            let stats = evaluation.stats
            #expect(stats.count == 12)
            for (index, (actual, expected)) in zip(stats, fixture.expectedStats).enumerated() {
                Self.expectClose(actual, expected, "\(fileName) stats[\(index)]")
            }
            for (id, expected) in fixture.expectedCategoryAPSmall {
                let actual = try #require(
                    evaluation.categoryAveragePrecision(
                        categoryID: id, area: .small, maxDetections: 100))
                Self.expectClose(actual, expected, "\(fileName) AP small, category \(id)")
            }
            for (id, expected) in fixture.expectedCategoryARSmall {
                let actual = try #require(
                    evaluation.categoryAverageRecall(
                        categoryID: id, area: .small, maxDetections: 100))
                Self.expectClose(actual, expected, "\(fileName) AR small, category \(id)")
            }
            for (id, expected) in fixture.expectedCategoryAP {
                let actual = try #require(
                    evaluation.categoryAveragePrecision(
                        categoryID: id, area: .all, maxDetections: 100))
                Self.expectClose(actual, expected, "\(fileName) AP, category \(id)")
            }
        }
    }

    @Test(arguments: try COCOFixture.fileNames())
    func metricsCarryTheSummary(fileName: String) throws {
        let fixture = try COCOFixture(fileName: fileName)
        let metrics = try COCOEvaluator.metrics(
            groundTruth: fixture.groundTruth, detections: fixture.detections)
        let values = [
            metrics.ap, metrics.ap50, metrics.ap75, metrics.apSmall, metrics.apMedium,
            metrics.apLarge, metrics.ar1, metrics.ar10, metrics.ar100, metrics.arSmall,
            metrics.arMedium, metrics.arLarge,
        ]
        for (index, (actual, expected)) in zip(values, fixture.expectedStats).enumerated() {
            Self.expectClose(actual, expected, "\(fileName) metrics[\(index)]")
        }
    }

    /// Within `tolerance`, with -1 sentinels matched exactly.
    static func expectClose(_ actual: Double, _ expected: Double, _ label: String) {
        if expected == -1 || actual == -1 {
            #expect(actual == expected, "\(label): \(actual) vs \(expected)")
        } else {
            #expect(abs(actual - expected) <= tolerance, "\(label): \(actual) vs \(expected)")
        }
    }
}
