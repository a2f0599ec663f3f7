import ArgumentParser
import Foundation
import Testing

@testable import sweep_cli

@Suite struct ValidateCommandTests {
    private let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func validFileSucceeds() async throws {
        let path = repository.appendingPathComponent("sweeps/quickstart.yaml").path
        let command = try #require(
            try SweepCLI.parseAsRoot(["validate", path]) as? ValidateCommand)
        #expect(command.file == path)
        try await command.run()
    }

    @Test func badFileExitsWithFailure() async throws {
        let path = repository.appendingPathComponent(
            "Tests/SweepTests/Fixtures/bad-sweeps/13-lr-not-positive.yaml"
        ).path
        let command = try #require(
            try SweepCLI.parseAsRoot(["validate", path]) as? ValidateCommand)
        await #expect(throws: ExitCode.failure) { try await command.run() }
    }

    /// Out-of-range durations and oversized grids end as a sweep-file error (exit 1), not a
    /// signal or an allocation failure.
    @Test(arguments: [
        "parameters:\n  lr: {values: [0.1]}\ntrial_timeout: 1e19\n",
        "parameters:\n  lr: {values: [0.1]}\ntime_budget: 1e300\n",
        "parameters:\n  lr: {values: [" + (1...1000).map { "\($0)e-4" }.joined(separator: ",")
            + "]}\n  batch_size: {values: [" + (1...1000).map(String.init).joined(separator: ",")
            + "]}\n",
    ])
    func outOfRangeSweepsExitWithFailure(body: String) async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let path = scratch.path("big.yaml")
        try ("name: big\nmethod: grid\n" + body).write(
            toFile: path, atomically: true, encoding: .utf8)
        let run = try scratch.run(["validate", path])
        #expect(run.status == 1)
        #expect(!run.signalled)
        #expect(run.output.hasPrefix("error: \(path):"))
    }
}

/// `validate` on W&B sweep files, through the binary.
@Suite struct ValidateWandBTests {
    private let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SweepTests/Fixtures/wandb")

    @Test func printsHowEachWandBKeyWasRead() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let path = scratch.path("wandb-bayes.yaml")
        try """
        method: bayes
        metric: {name: ap_small, goal: maximize}
        run_cap: 4
        entity: team
        parameters:
          lr: {distribution: log_uniform, min: -9.210340371976182, max: -2.302585092994046}
          loss: {values: [ce, focal]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try scratch.run(["validate", path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("name:           wandb-bayes"))
        #expect(run.output.contains("method:         bayes"))
        #expect(run.output.contains("W&B keys:"))
        #expect(run.output.contains("method: bayes → bayes"))
        #expect(run.output.contains("entity: team: no meaning here, ignored"))
        #expect(run.output.contains("natural-log exponents"))
    }

    @Test func aProgramRunsAsACommandTrainer() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let path = fixtures.appendingPathComponent("custom-command.yaml").path
        let run = try scratch.run(["validate", path])
        #expect(run.status == 0, "\(run.output)")
        #expect(
            run.output.contains(
                "program → trainer.command: /usr/bin/env python train.py -b your-training-config "
                    + "--batch_size={batch_size} --lr={lr}"))
    }
}
