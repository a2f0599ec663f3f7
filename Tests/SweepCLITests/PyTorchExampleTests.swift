import Foundation
import Testing

/// `examples/pytorch/`: its sweep files pass `validate` once the dataset and ground truth of its
/// README are written beside them (no torch needed: nothing is trained), and the PyTorch sweep
/// and the embedded one plan the same trials.
@Suite struct PyTorchExampleTests {
    private func prepared(_ files: [String]) throws -> CLIScratch {
        try ExampleScratch.prepared(example: "pytorch", files: files)
    }

    /// The `initial[…]` lines `validate` prints: the trials both sweeps run.
    private func plannedTrials(_ output: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.hasPrefix("initial[") }
    }

    @Test func theCommandTrainerSweepValidates() throws {
        let scratch = try prepared(["sweep.yaml"])
        defer { scratch.remove() }
        let run = try scratch.run(["validate", scratch.path("sweep.yaml")])
        #expect(run.status == 0, "\(run.output)")
        #expect(
            run.output.contains(
                "python3 train.py --data data/data.yaml --image-size 64 --out "),
            "\(run.output)")
        #expect(
            run.output.contains(
                "--lr 0.01 --batch-size 16 --weight-decay 0.0005 --loss mse --epochs 10 --seed 1"
                    + " (trial 0)"), "\(run.output)")
        #expect(
            run.output.contains("metrics:        COCO detections in {trial_dir}/predictions.json"))
        #expect(plannedTrials(run.output).count == 3, "\(run.output)")
    }

    @Test func theEmbeddedSweepPlansTheSameTrials() throws {
        let scratch = try prepared(["sweep.yaml", "embedded.yaml"])
        defer { scratch.remove() }
        let pytorch = try scratch.run(["validate", scratch.path("sweep.yaml")])
        let embedded = try scratch.run(["validate", scratch.path("embedded.yaml")])
        #expect(embedded.status == 0, "\(embedded.output)")
        #expect(plannedTrials(embedded.output) == plannedTrials(pytorch.output))
        #expect(embedded.output.contains("trials:         3 (seed 1)"), "\(embedded.output)")
        #expect(pytorch.output.contains("trials:         3 (seed 1)"), "\(pytorch.output)")
        #expect(embedded.output.contains("epochs:         10"), "\(embedded.output)")
        #expect(embedded.output.contains("data/data.yaml, 64x64 letterbox"), "\(embedded.output)")
    }
}
