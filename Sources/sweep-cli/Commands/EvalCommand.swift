import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli eval GT.json DETECTIONS.json [--json]`: pycocotools-exact bbox metrics.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate COCO detections against ground truth (pycocotools-exact).",
        discussion: """
            Prints the 12 pycocotools summary lines, AP@0.5 on small objects, and AP over the AI-TOD \
            very tiny / tiny / small ranges. With --json, prints one JSON object with the keys \
            \(COCOEvalReport.keys.joined(separator: " ")).
            """)

    @Argument(help: "COCO ground-truth JSON (images, annotations, categories).")
    var groundTruth: String

    @Argument(help: "COCO results JSON: a list of {image_id, category_id, bbox, score}.")
    var detections: String

    @Flag(help: "Print one JSON object instead of the summary lines.")
    var json = false

    func run() async throws {
        let report = try COCOEvalReport.evaluate(
            groundTruthFile: URL(fileURLWithPath: groundTruth),
            detectionsFile: URL(fileURLWithPath: detections))
        print(json ? report.json : report.text)
    }
}
