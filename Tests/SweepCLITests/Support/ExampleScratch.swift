import Foundation
import Testing

/// An example folder of `examples/` copied into a scratch folder with the tiny `data/` its README
/// writes (a synthetic YOLO export and its COCO ground truth), so its sweep files validate
/// without the example's own framework installed.
enum ExampleScratch {
    static func prepared(example: String, files: [String]) throws -> CLIScratch {
        let folder = CLIRun.repository.appendingPathComponent("examples/\(example)")
        let scratch = try CLIScratch()
        for file in files {
            try FileManager.default.copyItem(
                atPath: folder.appendingPathComponent(file).path, toPath: scratch.path(file))
        }
        let data = scratch.path("data")
        let export = try scratch.run([
            "dataset", "export", "--out", data, "--image-size", "64", "--train-images", "4",
            "--val-images", "2",
        ])
        try #require(export.status == 0, "\(export.output)")
        let coco = try scratch.run([
            "dataset", "coco", data + "/data.yaml", "--split", "val", "--out",
            data + "/val_coco.json",
        ])
        try #require(coco.status == 0, "\(coco.output)")
        return scratch
    }
}
