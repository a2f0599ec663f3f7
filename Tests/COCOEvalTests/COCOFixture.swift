import Foundation
import Testing

@testable import COCOEval

/// One pycocotools reference case from `Tests/COCOEvalTests/Fixtures/cocoeval/` (ground truth,
/// detections and the expected values), read through the evaluator's own JSON reader.
/// `bench/cocoeval_fixtures.py` recomputes the expected values with pycocotools.
struct COCOFixture {
    /// `Tests/COCOEvalTests/Fixtures/cocoeval`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // COCOEvalTests
        .appendingPathComponent("Fixtures/cocoeval")

    /// The fixture file names (`case_000.json`, …, `edge_score_ties.json`), sorted. A missing
    /// folder is an error, so the parameterised tests cannot pass over zero cases.
    static func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
    }

    let groundTruth: COCOGroundTruth
    let detections: [COCODetection]
    let expectedStats: [Double]
    let expectedCategoryAPSmall: [Int: Double]
    let expectedCategoryARSmall: [Int: Double]
    let expectedCategoryAP: [Int: Double]

    init(fileName: String) throws {
        let url = Self.directory.appendingPathComponent(fileName)
        let data = try COCOJSONReader.read(url)
        groundTruth = try COCOJSONReader.groundTruth(
            from: COCOJSONReader.decode(
                COCOJSONRecords.GroundTruth.self, from: data, file: url.path),
            file: url.path)
        let file = try JSONDecoder().decode(File.self, from: data)
        detections = try COCOJSONReader.detections(
            from: file.detections, file: url.path, groundTruth: groundTruth)
        expectedStats = file.expected.stats
        expectedCategoryAPSmall = try Self.byID(file.expected.perCategoryAPSmall)
        expectedCategoryARSmall = try Self.byID(file.expected.perCategoryARSmall)
        expectedCategoryAP = try Self.byID(file.expected.perCategoryAP)
    }

    /// The fixture-only parts of the file.
    private struct File: Decodable {
        var detections: [COCOJSONRecords.Detection]
        var expected: Expected
    }

    private struct Expected: Decodable {
        var stats: [Double]
        var perCategoryAPSmall: [String: Double]
        var perCategoryARSmall: [String: Double]
        var perCategoryAP: [String: Double]

        enum CodingKeys: String, CodingKey {
            case stats
            case perCategoryAPSmall = "per_category_ap_small"
            case perCategoryARSmall = "per_category_ar_small"
            case perCategoryAP = "per_category_ap"
        }
    }

    private static func byID(_ values: [String: Double]) throws -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (id, value) in values { result[try #require(Int(id))] = value }
        return result
    }
}
