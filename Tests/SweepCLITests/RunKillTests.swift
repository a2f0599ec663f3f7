import Foundation
import GRDB
import Sweep
import Testing

/// `sweep-cli run` killed with SIGKILL at several points and restarted: every planned trial ends
/// exactly once, nothing finished is lost or run again, no worker is left, the database is intact.
@Suite(.serialized) struct RunKillTests {
    /// Eight trials; each test uses its own sweep name, so trial keys never collide.
    static func sweepText(_ name: String) -> String {
        """
        name: \(name)
        method: grid
        seed: 3
        parameters:
          lr: {values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]}
        trainer:
          epochs: 3
          batch_size: 4
          data:
            synthetic: {image_size: 32, train_images: 16, val_images: 8, seed: 7}
        max_retries: 1

        """
    }

    @Test func killingTheOrchestratorAtAnyPointLosesAndDuplicatesNothing() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweepFile = folder.appendingPathComponent("kill.yaml").path
        try Self.sweepText("killtest").write(toFile: sweepFile, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("sweeps.sqlite").path
        let arguments = [
            "run", sweepFile, "--db", db, "--jobs", "2", "--worker-command",
            CLIRun.fakeWorkers.appendingPathComponent("ok.sh").path,
        ]
        let environment = ["FAKE_SLEEP": "0.15"]
        var completedSoFar: [String: Int] = [:]  // key → attempts when it completed
        var keys: Set<String> = []

        // Kill points: while the first workers run; right after 2, then 5 trials were written.
        let killWhen: [(String, ([TrialRecord]) -> Bool)] = [
            ("workers running", { $0.contains { $0.state == .running } }),
            ("2 completed", { $0.filter { $0.state == .completed }.count >= 2 }),
            ("5 completed", { $0.filter { $0.state == .completed }.count >= 5 }),
        ]
        for (round, (point, condition)) in killWhen.enumerated() {
            let orchestrator = try CLIRun.start(
                arguments, environment: environment, log: folder.path + "/run\(round).log")
            let reached = CLIRun.waitUntil {
                CLIRun.trials(db: db, sweep: "killtest").map(condition) ?? false
            }
            kill(orchestrator.processIdentifier, SIGKILL)
            orchestrator.waitUntilExit()
            try #require(reached, "never reached '\(point)'")
            #expect(orchestrator.terminationReason == .uncaughtSignal)

            let trials = try #require(CLIRun.trials(db: db, sweep: "killtest"))
            keys = Set(trials.map(\.key))
            #expect(trials.count == 8, "after killing at '\(point)'")
            for (key, attempts) in completedSoFar {
                let trial = try #require(trials.first { $0.key == key })
                #expect(trial.state == .completed, "completed trial lost at '\(point)'")
                #expect(trial.attempts == attempts, "completed trial run again at '\(point)'")
            }
            for trial in trials where trial.state == .completed {
                completedSoFar[trial.key] = trial.attempts
            }
        }

        let status = try CLIRun.run(
            arguments, environment: environment, log: folder.path + "/final.log")
        let finalLog =
            (try? String(contentsOfFile: folder.path + "/final.log", encoding: .utf8)) ?? ""
        #expect(status == 0, "final run: \(finalLog)")
        #expect(finalLog.contains("all trials done"))

        let trials = try #require(CLIRun.trials(db: db, sweep: "killtest"))
        #expect(trials.count == 8)
        #expect(Set(trials.map(\.key)).count == 8)
        #expect(trials.allSatisfy { $0.state == .completed })
        let store = try SQLiteTrialStore(path: db, readOnly: true)
        for trial in trials {
            #expect(try store.epochReports(key: trial.key).map(\.epoch) == [1, 2, 3])
            #expect(trial.metrics?.apSmall == trial.config.parameters.lr)
            if let attempts = completedSoFar[trial.key] {
                #expect(trial.attempts == attempts, "trial \(trial.index) ran after completing")
            }
        }
        #expect(CLIRun.waitUntil(seconds: 5) { CLIRun.liveWorkers(keys: keys).isEmpty })
        let queue = try DatabaseQueue(path: db)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func ctrlCTwiceInterruptsAndTheNextRunContinues() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-sigint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweepFile = folder.appendingPathComponent("kill.yaml").path
        try Self.sweepText("sigint").write(toFile: sweepFile, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("sweeps.sqlite").path
        func arguments(_ worker: String) -> [String] {
            [
                "run", sweepFile, "--db", db, "--jobs", "2", "--grace", "60s",
                "--worker-command", CLIRun.fakeWorkers.appendingPathComponent(worker).path,
            ]
        }
        let orchestrator = try CLIRun.start(arguments("hang.sh"), log: folder.path + "/hang.log")
        let running = CLIRun.waitUntil {
            CLIRun.trials(db: db, sweep: "sigint")?
                .filter { $0.state == .running && $0.epochsReached == 1 }.count == 2
        }
        let keys = Set(CLIRun.trials(db: db, sweep: "sigint")?.map(\.key) ?? [])
        #expect(CLIRun.liveWorkers(keys: keys).count == 2, "the process scan sees the workers")
        kill(orchestrator.processIdentifier, SIGINT)
        usleep(200_000)
        kill(orchestrator.processIdentifier, SIGINT)
        orchestrator.waitUntilExit()
        try #require(running)
        #expect(orchestrator.terminationStatus == 130)
        let log = (try? String(contentsOfFile: folder.path + "/hang.log", encoding: .utf8)) ?? ""
        #expect(log.contains("stopping: no new trials"))
        #expect(log.contains("stopped; run again to continue"))
        let trials = try #require(CLIRun.trials(db: db, sweep: "sigint"))
        #expect(trials.filter { $0.state == .interrupted }.count == 2)
        #expect(trials.filter { $0.state == .queued }.count == 6)
        #expect(
            CLIRun.waitUntil(seconds: 5) {
                CLIRun.liveWorkers(keys: Set(trials.map(\.key))).isEmpty
            })

        let status = try CLIRun.run(arguments("ok.sh"), log: folder.path + "/ok.log")
        #expect(status == 0)
        let after = try #require(CLIRun.trials(db: db, sweep: "sigint"))
        #expect(after.allSatisfy { $0.state == .completed })
    }

    @Test func theNextRunKillsWorkersAKilledOrchestratorLeftBehind() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-leftover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweepFile = folder.appendingPathComponent("kill.yaml").path
        try Self.sweepText("leftover").write(toFile: sweepFile, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("sweeps.sqlite").path
        func arguments(_ worker: String) -> [String] {
            [
                "run", sweepFile, "--db", db, "--jobs", "2",
                "--worker-command", CLIRun.fakeWorkers.appendingPathComponent(worker).path,
            ]
        }
        let orchestrator = try CLIRun.start(arguments("hang.sh"), log: folder.path + "/hang.log")
        // Both workers reported an epoch, so they sit in their `sleep`, writing nothing more.
        let running = CLIRun.waitUntil {
            CLIRun.trials(db: db, sweep: "leftover")?
                .filter { $0.state == .running && $0.epochsReached == 1 }.count == 2
        }
        kill(orchestrator.processIdentifier, SIGKILL)
        orchestrator.waitUntilExit()
        try #require(running)
        let keys = Set(CLIRun.trials(db: db, sweep: "leftover")?.map(\.key) ?? [])
        #expect(CLIRun.liveWorkers(keys: keys).count == 2, "hanging workers outlive their parent")

        #expect(try CLIRun.run(arguments("ok.sh"), log: folder.path + "/ok.log") == 0)
        #expect(CLIRun.liveWorkers(keys: keys).isEmpty)
        let trials = try #require(CLIRun.trials(db: db, sweep: "leftover"))
        #expect(trials.allSatisfy { $0.state == .completed })
        #expect(trials.filter { $0.attempts == 2 }.count == 2)
    }
}
