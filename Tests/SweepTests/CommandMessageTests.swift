import Foundation
import Sweep
import Testing
import Trainer

/// A command trainer's stdout lines, read leniently into ``WorkerMessage``s.
@Suite struct CommandMessageTests {
    @Test func flatEpochLinesLeaveUnreportedMetricsNaN() throws {
        let message = try #require(
            CommandMessage.decode(#"{"epoch": {"epoch": 3, "ap_small": 0.12, "ap50": 0.5}}"#))
        guard case .epoch(let report) = message else {
            Issue.record("expected an epoch, got \(message)")
            return
        }
        #expect(report.epoch == 3)
        #expect(report.metrics.apSmall == 0.12)
        #expect(report.metrics.ap50 == 0.5)
        #expect(report.metrics.ap.isNaN)
        #expect(report.loss.isNaN)
        #expect(report.seconds == 0)
    }

    /// The embedded worker's own lines read the same as with ``WorkerMessage/init(line:)``.
    @Test func theEmbeddedWorkersLinesReadAsTheyAre() throws {
        let metrics = DetectionMetrics { Double($0.name.count) / 100 }
        let lines = [
            WorkerMessage.epoch(EpochReport(epoch: 2, loss: 0.7, metrics: metrics, seconds: 1.5)),
            .result(
                TrainingResult(
                    status: .diverged, epochs: 2, metrics: metrics, seconds: 3,
                    imagesPerSecond: 90, reason: "loss exploded")),
            .error("no dataset"),
        ]
        for message in lines {
            #expect(CommandMessage.decode(message.line()) == message)
        }
    }

    @Test func aFlatResultDefaultsToCompleted() throws {
        let message = try #require(
            CommandMessage.decode(#"{"result": {"ap_small": 0.2, "ap50_small": 0.4}}"#))
        guard case .result(let result) = message else {
            Issue.record("expected a result, got \(message)")
            return
        }
        #expect(result.status == .completed)
        #expect(result.metrics?.apSmall == 0.2)
        #expect(result.metrics?.ap50Small == 0.4)
        #expect(result.metrics?.ar100.isNaN == true)
        #expect(result.epochs == 0)
    }

    @Test(arguments: [
        "epoch 3: loss 0.5", "{}", #"{"epoch": {"ap_small": 0.1}}"#, #"{"epoch": 3}"#,
        #"{"result": {"status": "great"}}"#, "[1, 2]", "",
    ])
    func otherLinesAreNotMessages(line: String) {
        #expect(CommandMessage.decode(line) == nil)
    }

    /// Numeric keys that are neither COCO metrics nor the protocol's own fields are the program's
    /// own metrics, beside the fields or under `metrics`; other values are skipped.
    @Test func otherNumericKeysAreTheProgramsOwnMetrics() throws {
        let flat = try #require(
            CommandMessage.decode(
                #"{"epoch": {"epoch": 2, "loss": 0.4, "val_loss": 0.3, "note": "x", "ap": 0.1}}"#))
        guard case .epoch(let report) = flat else {
            Issue.record("expected an epoch, got \(flat)")
            return
        }
        #expect(report.metrics.reported == ["val_loss": 0.3, "loss": 0.4])
        #expect(report.metrics.ap == 0.1)
        #expect(report.loss == 0.4, "the training loss, and a metric an objective may name")
        let nested = try #require(
            CommandMessage.decode(
                #"{"result": {"epochs": 3, "metrics": {"val_loss": "nan", "epochs": 7}}}"#))
        guard case .result(let result) = nested else {
            Issue.record("expected a result, got \(nested)")
            return
        }
        #expect(result.epochs == 3)
        #expect(result.metrics?.reported["epochs"] == 7, "under metrics every key is a metric")
        #expect(result.metrics?.reported["val_loss"]?.isNaN == true)
    }
}
