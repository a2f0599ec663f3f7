import Foundation
import Testing

/// `sweep-cli eval` end to end: malformed JSON ends with exit status 1 and a message naming the
/// file, the line and column, the key path and the reason.
@Suite struct EvalCommandTests {
    @Test func malformedJSONExitsOneWithItsPosition() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-eval-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let groundTruth = folder.appendingPathComponent("gt.json").path
        let detections = folder.appendingPathComponent("dets.json").path
        try #"{"images": [{"id": 1}],"#.appending("\n")
            .appending(#" "categories": [{"id": 1}], "annotations": [{"id": 1, "image_id": 1, "#)
            .appending(#""category_id": 1, "bbox": [0, 0, 1, 1], "area": 1e400}]}"#)
            .write(toFile: groundTruth, atomically: true, encoding: .utf8)
        try "[]".write(toFile: detections, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("eval.log").path
        #expect(try CLIRun.run(["eval", groundTruth, detections], log: log) == 1)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(
            output.contains(
                "\(groundTruth): line 2, column 118 (in annotations[0].area): malformed JSON: 1e400 is not a finite "
                    + "number"),
            "\(output)")
    }
}
