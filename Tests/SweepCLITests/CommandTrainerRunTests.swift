import Foundation
import Sweep
import Testing

/// `run` with a command trainer (`trainer: command:`), end to end through the binary, with the
/// shell trainer in `Fixtures/command-trainers`.
@Suite struct CommandTrainerRunTests {
    @Test func jsonLinesBecomeTheTrialsMetricsAndPlaceholdersAreFilled() async throws {
        let sweep = try CommandTrainerSweep(mode: "stdout")
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 0, "\(run.output)")
        let trials = try sweep.trials()
        #expect(trials.map(\.state) == [.completed, .completed])
        for (index, (trial, lr)) in zip(trials, [0.1, 0.2]).enumerated() {
            let metrics = try #require(trial.metrics)
            #expect(metrics.apSmall == lr)
            #expect(metrics.ap50Small == 2 * lr)
            #expect(metrics.ap.isNaN, "a metric the program did not report is not stored")
            #expect(trial.epochsReached == 2)
            let folder = sweep.trialDirectory(index)
            let args = try String(contentsOfFile: folder + "/args.txt", encoding: .utf8)
            #expect(
                args == "stdout \(lr) 2 \(index) \(folder) \(trial.config.seed) \(sweep.name)\n")
            let note = try String(contentsOfFile: folder + "/env.txt", encoding: .utf8)
            #expect(note == "lr=\(lr) of \(sweep.name)\n")
        }
    }

    /// The program is given only `lr`: the progress lines, `top` and the CSV leave out the
    /// weight decay, batch size and loss the trials store as defaults it never saw.
    @Test func theViewsShowOnlyTheParametersTheProgramIsGiven() async throws {
        let sweep = try CommandTrainerSweep(mode: "stdout")
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("trial 0 lr=0.1: completed"), "\(run.output)")
        #expect(!run.output.contains("weight_decay="), "\(run.output)")
        let top = try sweep.scratch.run(["top", sweep.name, "--db", sweep.scratch.db])
        #expect(top.status == 0, "\(top.output)")
        let best = try #require(top.output.split(separator: "\n").dropFirst(2).first)
        #expect(
            best.split(separator: " ").prefix(4) == ["1", "1", "0.2", "0.2000"], "\(top.output)")
        let csv = sweep.scratch.path("ranking.csv")
        let export = try sweep.scratch.run([
            "export", sweep.name, "--db", sweep.scratch.db, "--out", csv,
        ])
        #expect(export.status == 0, "\(export.output)")
        let record = try #require(
            try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
                .dropFirst().first)
        #expect(record.hasPrefix("1,1,0.2,,,,0.2,"), "\(record)")
    }

    /// A name that is not built in is the program's own parameter: passed through its
    /// placeholder, stored, shown by the progress lines and `top`, exported as the last CSV
    /// column; a kill-free rerun of the same file adds no trial (the keys are stable).
    @Test func theProgramsOwnParameterIsSearchedStoredAndShown() async throws {
        let sweep = try CommandTrainerSweep(mode: "stdout", parameter: "dropout")
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 0, "\(run.output)")
        #expect(
            run.output.contains("trial 1 dropout=0.2: completed ap_small=0.2000"), "\(run.output)")
        let trials = try sweep.trials()
        #expect(trials.map { $0.metrics?.apSmall } == [0.1, 0.2])
        #expect(
            trials.map { $0.config.parameters.programValues["dropout"] } == [
                .number(0.1), .number(0.2),
            ])
        let top = try sweep.scratch.run(["top", sweep.name, "--db", sweep.scratch.db])
        #expect(top.output.contains("rank  trial  dropout"), "\(top.output)")
        let csv = sweep.scratch.path("ranking.csv")
        _ = try sweep.scratch.run(["export", sweep.name, "--db", sweep.scratch.db, "--out", csv])
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(
            whereSeparator: \.isNewline)
        #expect(lines.first?.hasSuffix(",focal_gamma,focal_alpha,dropout") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasSuffix(",,,0.2") == true, "\(lines)")
        let best = sweep.scratch.path("best.yaml")
        _ = try sweep.scratch.run([
            "export", sweep.name, "--db", sweep.scratch.db, "--best-config", best,
        ])
        let bestText = try String(contentsOfFile: best, encoding: .utf8)
        #expect(bestText.hasSuffix("dropout: 0.2\nepochs: 2\nseed: 7\n"), "\(bestText)")
        #expect(!bestText.contains("weight_decay"), "the program never got one")
        let importance = try sweep.scratch.run(["importance", sweep.name, "--db", sweep.scratch.db])
        #expect(importance.output.contains("dropout"), "\(importance.output)")
        let advise = try sweep.scratch.run(["advise", sweep.name, "--db", sweep.scratch.db])
        #expect(
            advise.output.contains("the program is not given batch_size or lr"), "\(advise.output)")
        let page = sweep.scratch.path("report.html")
        _ = try sweep.scratch.run(["report", sweep.name, "--db", sweep.scratch.db, "--out", page])
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("\"dropout\""))
        let again = try await sweep.run()
        #expect(again.status == 0, "\(again.output)")
        #expect(try sweep.trials().count == 2)
    }

    /// Runs two trials of `mode` under ASHA (η 2 from epoch 1), whose second trial reports epoch
    /// 1 worse than the first's and then stalls, so only a prune can end it; the stored trials.
    private func ashaRunWithAStalledSecondTrial(
        mode: String, epochs: Int, extra: String = ""
    ) async throws -> [TrialRecord] {
        let sweep = try CommandTrainerSweep(
            mode: mode, lrs: [0.9, 0.1], epochs: epochs,
            extra: """
                trial_timeout: 2m
                early_stop: {type: asha, min_epochs: 1, reduction_factor: 2}
                \(extra)
                """)
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 0, "\(run.output)")
        return try sweep.trials()
    }

    @Test func reportedEpochsDriveEarlyStopping() async throws {
        let trials = try await ashaRunWithAStalledSecondTrial(mode: "stall", epochs: 3)
        #expect(trials.map(\.state) == [.completed, .pruned])
        #expect(trials[1].epochsReached == 1)
        #expect(trials[1].error?.contains("ASHA rung 1") == true, "\(trials[1].error ?? "")")
    }

    /// `objective: {name: val_loss, goal: minimize}`: the program's own metric is stored,
    /// ranks lowest first in the progress lines, `top` and the CSV, which gains its columns.
    @Test func aMinimisedMetricOfTheProgramsOwnRanksTheTrials() async throws {
        let sweep = try CommandTrainerSweep(
            mode: "val-loss", lrs: [0.3, 0.1, 0.2],
            extra: "objective: {name: val_loss, goal: minimize}")
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("trial 1 lr=0.1: completed val_loss=0.1000"), "\(run.output)")
        let trials = try sweep.trials()
        #expect(trials.map { $0.metrics?.reported["val_loss"] } == [0.3, 0.1, 0.2])
        let top = try sweep.scratch.run(["top", sweep.name, "--db", sweep.scratch.db])
        #expect(top.status == 0, "\(top.output)")
        let lines = top.output.split(separator: "\n")
        #expect(lines.first == "sweep 'cmd': 3 ranked of 3 trials by val_loss (minimised)")
        #expect(
            lines.dropFirst(2).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
                == ["1 1", "2 2", "3 0"], "\(top.output)")
        let csv = sweep.scratch.path("ranking.csv")
        _ = try sweep.scratch.run(["export", sweep.name, "--db", sweep.scratch.db, "--out", csv])
        let records = try String(contentsOfFile: csv, encoding: .utf8).split(
            whereSeparator: \.isNewline)
        #expect(records.first?.hasSuffix(",val_acc,val_loss") == true, "\(records)")
        #expect(records.dropFirst().first?.hasSuffix(",0.9,0.1") == true, "\(records)")
    }

    /// ASHA on a minimised metric stops the trial whose value is the highest.
    @Test func aMinimisedMetricDrivesEarlyStopping() async throws {
        let trials = try await ashaRunWithAStalledSecondTrial(
            mode: "val-loss-stall", epochs: 2,
            extra: "objective: {name: val_loss, goal: minimize}")
        #expect(trials.map(\.state) == [.completed, .pruned])
        #expect(
            trials[1].error?.contains("val_loss 0.9000 above the top 1/2 cut 0.1000") == true,
            "\(trials[1].error ?? "")")
    }

    @Test func aCrashFailsAfterItsRetriesWithTheStderrTail() async throws {
        let sweep = try CommandTrainerSweep(mode: "crash", lrs: [0.1], retries: 1)
        defer { sweep.scratch.remove() }
        _ = try await sweep.run()
        let trial = try #require(try sweep.trials().first)
        #expect(trial.state == .failed)
        #expect(trial.attempts == 2)
        let error = try #require(trial.error)
        #expect(error.contains("exit code 3"), "\(error)")
        #expect(error.contains("RuntimeError: CUDA out of memory in trial 0"), "\(error)")
    }

    @Test func aHangingProgramIsKilledWithItsChildren() async throws {
        let sweep = try CommandTrainerSweep(mode: "hang", lrs: [0.1], extra: "trial_timeout: 1s")
        defer { sweep.scratch.remove() }
        _ = try await sweep.run()
        let trial = try #require(try sweep.trials().first)
        #expect(trial.state == .timedOut)
        #expect(trial.epochsReached == 1)
        let pidText = try String(
            contentsOfFile: sweep.trialDirectory(0) + "/child.pid", encoding: .utf8)
        let child = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(CLIRun.waitUntil { !Self.isAlive(child) }, "the program's child \(child) lives on")
    }

    @Test func garbageWithoutAResultFailsNamingTheOutput() async throws {
        let sweep = try CommandTrainerSweep(mode: "garbage", lrs: [0.1])
        defer { sweep.scratch.remove() }
        _ = try await sweep.run()
        let trial = try #require(try sweep.trials().first)
        #expect(trial.state == .failed)
        let error = try #require(trial.error)
        #expect(error.contains("without a result"), "\(error)")
        #expect(error.contains("unreadable output: 'starting trial 0"), "\(error)")
    }

    @Test func aResultWithoutTheObjectiveFails() async throws {
        let sweep = try CommandTrainerSweep(mode: "no-objective", lrs: [0.1])
        defer { sweep.scratch.remove() }
        _ = try await sweep.run()
        let trial = try #require(try sweep.trials().first)
        #expect(trial.state == .failed)
        #expect(trial.error?.contains("no 'ap_small' (the sweep's objective)") == true)
        #expect(trial.attempts == 1)
    }

    /// Exact boxes score AP 1; boxes shifted by 3 px (IoU 1/7) score 0.
    @Test func predictionsAreScoredAgainstTheGroundTruth() async throws {
        let sweep = try CommandTrainerSweep(
            mode: "predictions", lrs: [0.9, 0.1], trainer: Self.predictions)
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 0, "\(run.output)")
        let trials = try sweep.trials()
        #expect(trials.map(\.state) == [.completed, .completed])
        let exact = try #require(trials[0].metrics)
        #expect(exact.ap == 1)
        #expect(exact.apSmall == 1)
        #expect(exact.apMedium == -1, "no medium objects in the ground truth")
        #expect(try #require(trials[1].metrics).apSmall == 0)
    }

    @Test func aMissingPredictionsFileFailsTheTrial() async throws {
        let sweep = try CommandTrainerSweep(
            mode: "no-predictions", lrs: [0.1], trainer: Self.predictions)
        defer { sweep.scratch.remove() }
        _ = try await sweep.run()
        let trial = try #require(try sweep.trials().first)
        #expect(trial.state == .failed)
        let error = try #require(trial.error)
        #expect(error.contains(sweep.trialDirectory(0) + "/predictions.json"), "\(error)")
        #expect(error.contains("no such file"), "\(error)")
    }

    @Test func predictionsForUnknownImagesFailTheTrial() async throws {
        let sweep = try CommandTrainerSweep(
            mode: "unknown-image", lrs: [0.9], trainer: Self.predictions)
        defer { sweep.scratch.remove() }
        _ = try await sweep.run()
        let trial = try #require(try sweep.trials().first)
        #expect(trial.state == .failed)
        let error = try #require(trial.error)
        #expect(error.contains("1001"), "\(error)")
    }

    @Test func anUnreadableGroundTruthStopsTheRunBeforeAnyTrial() async throws {
        let sweep = try CommandTrainerSweep(
            mode: "predictions", lrs: [0.9],
            trainer: """
                  predictions: "{trial_dir}/predictions.json"
                  ground_truth: \(CommandTrainerSweep.fixtures)/trainer.sh
                """)
        defer { sweep.scratch.remove() }
        let run = try await sweep.run()
        #expect(run.status == 1)
        #expect(run.output.contains("trainer.ground_truth '"), "\(run.output)")
        #expect(run.output.contains("not a COCO ground truth"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: sweep.trialDirectory(0)))
    }

    /// The README's Python example, kept word for word in the fixtures, runs as documented.
    @Test func theReadmesPythonExampleRuns() async throws {
        let example = try String(
            contentsOfFile: CommandTrainerSweep.fixtures + "/readme_train.py", encoding: .utf8)
        let readme = try String(
            contentsOf: CLIRun.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```python\n" + example + "```\n"))
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let file = scratch.path("toy.yaml")
        try """
        name: toy
        method: grid
        parameters:
          lr: {values: [0.001, 0.01]}
        trainer:
          command: [python3, readme_train.py, --lr, "{lr}", --epochs, "{epochs}"]
          workdir: \(CommandTrainerSweep.fixtures)
          epochs: 2
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try await scratch.runAsync(["run", file, "--db", scratch.db, "--jobs", "1"])
        #expect(run.status == 0, "\(run.output)")
        let trials = try #require(CLIRun.trials(db: scratch.db, sweep: "toy"))
        #expect(trials.map(\.state) == [.completed, .completed])
        #expect(try #require(trials[1].metrics).apSmall == 1, "the toy peaks at lr = 0.01")
    }

    private static let predictions = """
          predictions: "{trial_dir}/predictions.json"
          ground_truth: \(CommandTrainerSweep.fixtures)/truth.json
        """

    private static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
            let text = String(data: stat, encoding: .utf8), let close = text.lastIndex(of: ")")
        else { return false }
        return text[text.index(after: close)...].split(separator: " ").first != "Z"
    }
}
