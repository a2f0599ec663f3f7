import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct WorkerMessageTests {
    static let metrics = StoreFixtures.metrics(apSmall: 0.25)

    @Test(arguments: [
        WorkerMessage.epoch(EpochReport(epoch: 2, loss: 0.75, metrics: metrics, seconds: 1.5)),
        .result(
            TrainingResult(
                status: .completed, epochs: 3, metrics: metrics, seconds: 9, imagesPerSecond: 120)),
        .result(
            TrainingResult(
                status: .diverged, epochs: 1, metrics: nil, seconds: 1, imagesPerSecond: 50,
                reason: "loss became NaN")),
        .error("/data/x.yaml: no such file"),
    ])
    func linesRoundTrip(message: WorkerMessage) {
        let line = message.line()
        #expect(!line.contains("\n"))
        #expect(WorkerMessage(line: line) == message)
    }

    @Test func nonFiniteLossesTravelAsStrings() throws {
        let report = EpochReport(epoch: 1, loss: .nan, metrics: Self.metrics, seconds: 1)
        let line = WorkerMessage.epoch(report).line()
        #expect(line.contains(#""loss":"nan""#))
        guard case .epoch(let decoded) = WorkerMessage(line: line) else {
            Issue.record("not an epoch line: \(line)")
            return
        }
        #expect(decoded.loss.isNaN)
    }

    @Test func theLineFormatUsesTheProjectNames() {
        let line = WorkerMessage.result(
            TrainingResult(
                status: .completed, epochs: 1, metrics: Self.metrics, seconds: 2,
                imagesPerSecond: 3)
        ).line()
        #expect(line.hasPrefix(#"{"result":{"#))
        #expect(line.contains(#""ap_small":0.25"#))
        #expect(line.contains(#""images_per_second":3"#))
    }

    @Test(arguments: ["", "not json", "{}", #"{"epoch": 3}"#, #"{"unexpected": true}"#, "[1, 2]"])
    func garbageIsNotAMessage(line: String) {
        #expect(WorkerMessage(line: line) == nil)
    }
}
