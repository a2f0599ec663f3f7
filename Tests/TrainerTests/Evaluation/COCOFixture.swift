import Foundation
import Testing
@testable import Trainer

/// One pycocotools reference case from `shared/fixtures/cocoeval/` (ground truth, detections and
/// the expected values), read through the evaluator's own JSON reader.
struct COCOFixture {
    /// `<package root>/../shared/fixtures/cocoeval`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Evaluation
        .deletingLastPathComponent()  // TrainerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/cocoeval")

    /// The fixture file names (`case_000.json`, …, `edge_score_ties.json`), sorted.
    static let fileNames: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".json") }
        .sorted()

    let groundTruth: COCOGroundTruth
    let detections: [COCODetection]
    let expectedStats: [Double]
    let expectedCategoryAPSmall: [Int: Double]
    let expectedCategoryARSmall: [Int: Double]
    let expectedCategoryAP: [Int: Double]

    init(fileName: String) throws {
        let url = Self.directory.appendingPathComponent(fileName)
        let object = try COCOJSONReader.jsonObject(at: url)
        groundTruth = try COCOJSONReader.groundTruth(from: object, file: url.path)
        let top = try #require(object as? [String: Any])
        detections = try COCOJSONReader.detections(
            from: try #require(top["detections"]), file: url.path, groundTruth: groundTruth)
        let expected = try #require(top["expected"] as? [String: Any])
        expectedStats = try #require(expected["stats"] as? [NSNumber]).map(\.doubleValue)
        expectedCategoryAPSmall = try Self.perCategory(expected, "per_category_ap_small")
        expectedCategoryARSmall = try Self.perCategory(expected, "per_category_ar_small")
        expectedCategoryAP = try Self.perCategory(expected, "per_category_ap")
    }

    private static func perCategory(_ expected: [String: Any], _ key: String) throws -> [Int: Double] {
        let values = try #require(expected[key] as? [String: NSNumber])
        var result: [Int: Double] = [:]
        for (id, value) in values { result[try #require(Int(id))] = value.doubleValue }
        return result
    }
}
