import Foundation
import Testing

/// `examples/ultralytics/`: its sweep validates once the README's data is written (no
/// Ultralytics needed: nothing is trained), passes our parameters under Ultralytics' names, and
/// a `loss` parameter, which Ultralytics has no switch for, is refused.
@Suite struct UltralyticsExampleTests {
    @Test func theSweepValidatesWithUltralyticsNames() throws {
        let scratch = try ExampleScratch.prepared(
            example: "ultralytics", files: ["sweep.yaml", "yolo-trial.sh"])
        defer { scratch.remove() }
        let run = try scratch.run(["validate", scratch.path("sweep.yaml")])
        #expect(run.status == 0, "\(run.output)")
        #expect(
            run.output.contains(
                "model=yolov8n.yaml pretrained=False optimizer=SGD lr0=0.005 batch=16 "
                    + "weight_decay=0.0005 epochs=40 seed=1"), "\(run.output)")
        #expect(
            run.output.contains(
                "metrics:        COCO detections in {trial_dir}/run/predictions.json"),
            "\(run.output)")
    }

    @Test func aLossParameterIsRefused() throws {
        let scratch = try ExampleScratch.prepared(
            example: "ultralytics", files: ["sweep.yaml", "yolo-trial.sh"])
        defer { scratch.remove() }
        let file = scratch.path("sweep.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
            of: "parameters:\n", with: "parameters:\n  loss: {values: [ce, focal]}\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try scratch.run(["validate", file])
        #expect(run.status == 1, "\(run.output)")
        #expect(
            run.output.contains(
                "parameters.loss: searched, but the command trainer never passes it to the program"),
            "\(run.output)")
    }
}
