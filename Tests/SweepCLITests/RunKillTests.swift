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

    /// A scratch folder with the eight-trial sweep file `NAME.yaml` and a database path.
    struct Scene {
        let name: String
        let folder: String
        var sweepFile: String { folder + "/\(name).yaml" }
        var db: String { folder + "/sweeps.sqlite" }

        init(_ name: String) throws {
            self.name = name
            folder =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("sweep-\(name)-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
            try RunKillTests.sweepText(name).write(
                toFile: sweepFile, atomically: true, encoding: .utf8)
        }

        /// `run` on the sweep with two jobs and the fake worker `worker` (a `Fixtures/workers`
        /// script), plus `extra` options.
        func arguments(_ worker: String, _ extra: [String] = []) -> [String] {
            ["run", sweepFile, "--db", db, "--jobs", "2"] + extra + [
                "--worker-command", CLIRun.fakeWorkers.appendingPathComponent(worker).path,
            ]
        }

        func trials() -> [TrialRecord]? { CLIRun.trials(db: db, sweep: name) }

        /// Waits until both workers are running and reported their first epoch.
        func waitForTwoRunningWorkers() -> Bool {
            CLIRun.waitUntil {
                trials()?.filter { $0.state == .running && $0.epochsReached >= 1 }.count == 2
            }
        }

        func log(_ name: String) -> String {
            (try? String(contentsOfFile: folder + "/\(name)", encoding: .utf8)) ?? ""
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }

        /// Waits until the run's log shows that it took the first stop request.
        func waitForDraining(_ log: String) -> Bool {
            CLIRun.waitUntil { self.log(log).contains("stopping: no new trials") }
        }

        /// Runs the sweep with `worker`, sends one SIGINT once two workers are running, and
        /// returns the exit status and the log once the run has ended. With `gate`, the workers
        /// wait after epoch 1 until the run has taken the SIGINT (`FAKE_GATE`), so no trial can
        /// end and let another start before it.
        func interruptOnce(
            _ worker: String, grace: String, gate: Bool = false
        ) throws -> (status: Int32, log: String) {
            let gateFile = folder + "/gate"
            let orchestrator = try CLIRun.start(
                arguments(worker, ["--grace", grace]),
                environment: gate ? ["FAKE_GATE": gateFile] : [:], log: folder + "/once.log")
            let running = waitForTwoRunningWorkers()
            kill(orchestrator.processIdentifier, SIGINT)
            let draining = waitForDraining("once.log")
            if gate {
                _ = FileManager.default.createFile(atPath: gateFile, contents: nil)
            }
            orchestrator.waitUntilExit()
            try #require(running)
            try #require(draining)
            return (orchestrator.terminationStatus, log("once.log"))
        }
    }

    @Test func killingTheOrchestratorAtAnyPointLosesAndDuplicatesNothing() throws {
        let scene = try Scene("killtest")
        defer { scene.remove() }
        let arguments = scene.arguments("ok.sh")
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
                arguments, environment: environment, log: scene.folder + "/run\(round).log")
            let reached = CLIRun.waitUntil { scene.trials().map(condition) ?? false }
            kill(orchestrator.processIdentifier, SIGKILL)
            orchestrator.waitUntilExit()
            try #require(reached, "never reached '\(point)'")
            #expect(orchestrator.terminationReason == .uncaughtSignal)

            let trials = try #require(scene.trials())
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
            arguments, environment: environment, log: scene.folder + "/final.log")
        let finalLog = scene.log("final.log")
        #expect(status == 0, "final run: \(finalLog)")
        #expect(finalLog.contains("all trials done"))

        let trials = try #require(scene.trials())
        #expect(trials.count == 8)
        #expect(Set(trials.map(\.key)).count == 8)
        #expect(trials.allSatisfy { $0.state == .completed })
        let store = try SQLiteTrialStore(path: scene.db, readOnly: true)
        for trial in trials {
            #expect(try store.epochReports(key: trial.key).map(\.epoch) == [1, 2, 3])
            #expect(trial.metrics?.apSmall == trial.config.parameters.lr)
            if let attempts = completedSoFar[trial.key] {
                #expect(trial.attempts == attempts, "trial \(trial.index) ran after completing")
            }
        }
        #expect(try CLIRun.waitUntil(seconds: 5) { try CLIRun.liveWorkers(keys: keys).isEmpty })
        let queue = try DatabaseQueue(path: scene.db)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func ctrlCTwiceInterruptsAndTheNextRunContinues() throws {
        let scene = try Scene("sigint")
        defer { scene.remove() }
        let orchestrator = try CLIRun.start(
            scene.arguments("hang.sh", ["--grace", "60s"]), log: scene.folder + "/hang.log")
        let running = scene.waitForTwoRunningWorkers()
        let keys = Set(scene.trials()?.map(\.key) ?? [])
        #expect(
            try CLIRun.liveWorkers(keys: keys).count == 2, "the process scan sees the workers")
        kill(orchestrator.processIdentifier, SIGINT)
        let draining = scene.waitForDraining("hang.log")
        kill(orchestrator.processIdentifier, SIGINT)
        orchestrator.waitUntilExit()
        try #require(running)
        try #require(draining)
        #expect(orchestrator.terminationStatus == 130)
        let log = scene.log("hang.log")
        #expect(log.contains("stopping: no new trials"))
        #expect(log.contains("stopped; run again to continue"))
        let trials = try #require(scene.trials())
        #expect(trials.filter { $0.state == .interrupted }.count == 2)
        #expect(trials.filter { $0.state == .queued }.count == 6)
        #expect(
            try CLIRun.waitUntil(seconds: 5) {
                try CLIRun.liveWorkers(keys: Set(trials.map(\.key))).isEmpty
            })

        let status = try CLIRun.run(scene.arguments("ok.sh"), log: scene.folder + "/ok.log")
        #expect(status == 0)
        let after = try #require(scene.trials())
        #expect(after.allSatisfy { $0.state == .completed })
    }

    /// One Ctrl-C: the running trials finish within the grace period and are kept as completed;
    /// nothing new starts.
    @Test func ctrlCOnceLetsRunningTrialsFinish() throws {
        let scene = try Scene("drain")
        defer { scene.remove() }
        let run = try scene.interruptOnce("ok.sh", grace: "600s", gate: true)
        #expect(run.status == 130)
        #expect(run.log.contains("stopping: no new trials"))
        let trials = try #require(scene.trials())
        #expect(trials.filter { $0.state == .completed }.count == 2)
        #expect(trials.filter { $0.state == .queued }.count == 6)
    }

    /// One Ctrl-C with workers that never finish: after `--grace` they are stopped and marked
    /// `interrupted`, with no second Ctrl-C needed.
    @Test func ctrlCOnceInterruptsWhatOutlivesTheGracePeriod() throws {
        let scene = try Scene("grace")
        defer { scene.remove() }
        let run = try scene.interruptOnce("hang.sh", grace: "1s")
        #expect(run.status == 130)
        #expect(run.log.contains("stopping running trials now"))
        let trials = try #require(scene.trials())
        #expect(trials.filter { $0.state == .interrupted }.count == 2)
        #expect(
            try CLIRun.waitUntil(seconds: 5) {
                try CLIRun.liveWorkers(keys: Set(trials.map(\.key))).isEmpty
            })
    }

    @Test(arguments: [false, true])
    func theNextRunKillsWorkersAKilledOrchestratorLeftBehind(pidsLost: Bool) throws {
        let scene = try Scene(pidsLost ? "orphan" : "leftover")
        defer { scene.remove() }
        let orchestrator = try CLIRun.start(
            scene.arguments("hang.sh"), log: scene.folder + "/hang.log")
        // Both workers reported an epoch, so they sit in their `sleep`, writing nothing more.
        let running = scene.waitForTwoRunningWorkers()
        kill(orchestrator.processIdentifier, SIGKILL)
        orchestrator.waitUntilExit()
        try #require(running)
        let keys = Set(scene.trials()?.map(\.key) ?? [])
        #expect(
            try CLIRun.liveWorkers(keys: keys).count == 2, "hanging workers outlive their parent")
        if pidsLost {
            // As if the orchestrator died between starting the workers and storing their pids:
            // the next run must find them by the run id they carry.
            try DatabaseQueue(path: scene.db).write {
                try $0.execute(sql: "UPDATE trial SET worker_pid = NULL")
            }
        }

        #expect(try CLIRun.run(scene.arguments("ok.sh"), log: scene.folder + "/ok.log") == 0)
        #expect(try CLIRun.liveWorkers(keys: keys).isEmpty)
        let trials = try #require(scene.trials())
        #expect(trials.allSatisfy { $0.state == .completed })
        #expect(trials.filter { $0.attempts == 2 }.count == 2)
    }
}
