import Foundation
import Sweep
import Testing

/// However `run` ends (all done, time budget, SIGTERM/SIGHUP, an error), the database file alone
/// holds everything: a copy of it without its `-wal` file has every stored trial.
@Suite struct RunDatabaseFileTests {
    static let sweepText = """
        name: walcheck
        method: grid
        seed: 3
        parameters:
          lr: {values: [0.1, 0.2, 0.3, 0.4]}
        trainer:
          epochs: 2
          batch_size: 4
          data:
            synthetic: {image_size: 32, train_images: 16, val_images: 8, seed: 7}

        """

    /// `run` with the fake worker `worker` (a `Tests/SweepTests/Fixtures/workers` script).
    static func arguments(_ scratch: CLIScratch, _ worker: String, _ extra: [String] = [])
        -> [String]
    {
        ["run", scratch.path("walcheck.yaml"), "--db", scratch.db, "--jobs", "2"] + extra + [
            "--worker-command", CLIRun.fakeWorkers.appendingPathComponent(worker).path,
        ]
    }

    static func scene() throws -> CLIScratch {
        let scratch = try CLIScratch()
        try sweepText.write(
            toFile: scratch.path("walcheck.yaml"), atomically: true, encoding: .utf8)
        return scratch
    }

    /// The trials read from a copy of the main database file alone, in a fresh folder.
    static func trialsOfACopy(_ scratch: CLIScratch) throws -> [TrialRecord] {
        let copyFolder = scratch.path("copy")
        try FileManager.default.createDirectory(
            atPath: copyFolder, withIntermediateDirectories: true)
        let copy = copyFolder + "/copied.sqlite"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: scratch.db, toPath: copy)
        let store = try SQLiteTrialStore(path: copy, readOnly: true)
        defer { try? store.close() }
        return try store.trials(sweep: "walcheck")
    }

    /// The write-ahead log is gone or empty: nothing is only there.
    static func walIsEmpty(_ scratch: CLIScratch) -> Bool {
        let size =
            (try? FileManager.default.attributesOfItem(atPath: scratch.db + "-wal"))?[
                .size] as? Int
        return (size ?? 0) == 0
    }

    @Test func afterAFullRunTheFileAloneHoldsEveryResult() throws {
        let scratch = try Self.scene()
        defer { scratch.remove() }
        let run = try scratch.run(Self.arguments(scratch, "ok.sh"))
        #expect(run.status == 0, "\(run.output)")
        #expect(Self.walIsEmpty(scratch))
        let trials = try Self.trialsOfACopy(scratch)
        #expect(trials.count == 4)
        #expect(trials.allSatisfy { $0.state == .completed && $0.metrics != nil })
    }

    @Test func afterTheTimeBudgetTheFileAloneHoldsThePlan() throws {
        let scratch = try Self.scene()
        defer { scratch.remove() }
        let run = try scratch.run(Self.arguments(scratch, "ok.sh", ["--time-budget", "0s"]))
        #expect(run.status == 0, "\(run.output)")
        #expect(Self.walIsEmpty(scratch))
        let trials = try Self.trialsOfACopy(scratch)
        #expect(trials.count == 4)
        #expect(trials.allSatisfy { $0.state == .queued })
    }

    @Test func afterAnErrorTheFileAloneHoldsTheSweepTables() throws {
        let scratch = try Self.scene()
        defer { scratch.remove() }
        let first = try scratch.run(Self.arguments(scratch, "ok.sh"))
        #expect(first.status == 0, "\(first.output)")
        let missing = scratch.path("no-such-worker.sh")
        let run = try scratch.run(
            ["run", scratch.path("walcheck.yaml"), "--db", scratch.db, "--worker-command", missing]
        )
        #expect(run.status == 1, "\(run.output)")
        #expect(!run.signalled)
        #expect(Self.walIsEmpty(scratch))
        #expect(try Self.trialsOfACopy(scratch).count == 4)
    }

    /// SIGTERM and SIGHUP both drain: running trials get `--grace`, then are interrupted; the
    /// exit status is 130 and the stored states are in the file.
    @Test(arguments: [SIGTERM, SIGHUP])
    func afterAStopSignalTheFileAloneHoldsTheStates(signal: Int32) throws {
        let scratch = try Self.scene()
        defer { scratch.remove() }
        let log = scratch.path("signal.log")
        let orchestrator = try CLIRun.start(
            Self.arguments(scratch, "hang.sh", ["--grace", "1s"]), log: log)
        let running = CLIRun.waitUntil {
            CLIRun.trials(db: scratch.db, sweep: "walcheck")?
                .filter { $0.state == .running && $0.epochsReached >= 1 }.count == 2
        }
        kill(orchestrator.processIdentifier, signal)
        orchestrator.waitUntilExit()
        try #require(running)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(orchestrator.terminationReason == .exit, "\(output)")
        #expect(orchestrator.terminationStatus == 130, "\(output)")
        #expect(output.contains("stopping: no new trials"))
        #expect(Self.walIsEmpty(scratch))
        let trials = try Self.trialsOfACopy(scratch)
        #expect(trials.filter { $0.state == .interrupted }.count == 2)
        #expect(trials.filter { $0.state == .queued }.count == 2)
        #expect(
            try CLIRun.waitUntil(seconds: 5) {
                try CLIRun.liveWorkers(keys: Set(trials.map(\.key))).isEmpty
            })
    }
}
