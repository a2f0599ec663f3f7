import Foundation
import Sweep
import Testing

/// A `--jobs 1` `method: tpe` (or `bayes`) run killed with SIGKILL twice and resumed proposes
/// exactly the trials an uninterrupted run of the same file proposes, in the same order.
@Suite(.serialized) struct RunKillTPETests {
    /// The sweep file with `method: tpe` (as written) or another model-based method.
    static func sweepText(method: String) -> String {
        sweepText.replacingOccurrences(of: "method: tpe", with: "method: \(method)")
    }

    static let sweepText = """
        name: tpe-kill
        method: tpe
        max_trials: 10
        seed: 3
        sampler: {n_startup_trials: 3}
        parameters:
          lr: {distribution: log_uniform, min: 0.01, max: 1}
          loss: {values: [mse, ce]}
        trainer:
          epochs: 3
          batch_size: 4
          data:
            synthetic: {image_size: 32, train_images: 16, val_images: 8, seed: 7}

        """

    /// `run` of the sweep with one job and the fake worker `ok.sh` into `db`.
    static func arguments(_ file: String, _ db: String) -> [String] {
        [
            "run", file, "--db", db, "--jobs", "1", "--worker-command",
            CLIRun.fakeWorkers.appendingPathComponent("ok.sh").path,
        ]
    }

    @Test(arguments: ["tpe", "bayes"])
    func aKilledAndResumedRunProposesWhatAnUninterruptedOneProposes(method: String) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-tpe-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/tpe-kill.yaml"
        try Self.sweepText(method: method).write(toFile: file, atomically: true, encoding: .utf8)
        let environment = ["FAKE_SLEEP": "0.05"]

        let straight = folder + "/straight.sqlite"
        let status = try CLIRun.run(
            Self.arguments(file, straight), environment: environment,
            log: folder + "/straight.log")
        #expect(status == 0)
        let expected = try #require(CLIRun.trials(db: straight, sweep: "tpe-kill"))
        #expect(expected.count == 10)

        let killed = folder + "/killed.sqlite"
        for (round, stored) in [3, 7].enumerated() {
            let orchestrator = try CLIRun.start(
                Self.arguments(file, killed), environment: environment,
                log: folder + "/killed\(round).log")
            let reached = CLIRun.waitUntil {
                guard let trials = CLIRun.trials(db: killed, sweep: "tpe-kill") else {
                    return false
                }
                return trials.count >= stored && trials.contains { $0.state == .running }
            }
            kill(orchestrator.processIdentifier, SIGKILL)
            orchestrator.waitUntilExit()
            try #require(reached, "never reached \(stored) stored trials with one running")
        }
        let resumed = try CLIRun.run(
            Self.arguments(file, killed), environment: environment,
            log: folder + "/resumed.log")
        #expect(resumed == 0)
        let trials = try #require(CLIRun.trials(db: killed, sweep: "tpe-kill"))
        #expect(trials.map(\.index) == expected.map(\.index))
        #expect(trials.map(\.key) == expected.map(\.key))
        #expect(trials.map(\.config.parameters) == expected.map(\.config.parameters))
        #expect(trials.allSatisfy { $0.state == .completed })
        #expect(trials.contains { $0.attempts == 2 }, "a killed trial was run again")
    }
}
