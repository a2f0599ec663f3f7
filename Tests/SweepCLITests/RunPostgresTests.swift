import Foundation
import Sweep
import SweepPostgres
import Testing

/// `sweep-cli run --db postgres://…`: one agent in the process with `--jobs` slots, then the
/// ranking; a killed run's trial is queued again after its lease and finished by the next run;
/// Ctrl-C lets the running trial finish within --grace and exits 130.
@Suite(.serialized) struct RunPostgresTests {
    @Test func aRunOnPostgresStoresEveryTrialOnceAndRanksThem() throws {
        try AgentScene.with(.postgres, name: "pgrun", trials: 6) { scene in
            let status = try CLIRun.run(
                [
                    "run", scene.sweepFile, "--db", scene.db, "--jobs", "2", "--worker-command",
                    CLIRun.fakeWorkers.appendingPathComponent("ok.sh").path,
                ],
                log: scene.folder + "/run")
            #expect(status == 0, "\(scene.log("run"))")
            let census = try scene.census()
            #expect(census.states == [.completed: 6])
            #expect(census.attempts.values.allSatisfy { $0 == 1 })
            #expect(scene.log("run").contains("sweep 'pgrun': 6 ranked of 6 trials"))
            #expect(scene.log("run").contains("6 trials here (completed 6)"))
            if let password = try PostgresURL(scene.db).password {
                #expect(!scene.log("run").contains(password))
            }
            // The views that read the ranking read it from PostgreSQL too.
            for view in ["importance", "advise"] {
                let status = try CLIRun.run(
                    [view, "pgrun", "--db", scene.db], log: scene.folder + "/\(view)")
                #expect(status == 0, "\(scene.log(view))")
                #expect(scene.log(view).hasPrefix("sweep 'pgrun'"), "\(scene.log(view))")
            }
            let page = scene.folder + "/pgrun.html"
            let report = try CLIRun.run(
                ["report", "pgrun", "--db", scene.db, "--out", page], log: scene.folder + "/report")
            #expect(report == 0, "\(scene.log("report"))")
            #expect(
                scene.log("report").contains("(6 trials, by ap_small)"), "\(scene.log("report"))")
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.contains("pgrun"))
            // A learning curve: the two stored epochs of a completed trial.
            #expect(
                html.contains(
                    /"data":\[\{"x":1,"y":[^}]+\},\{"x":2,"y":[^}]+\}\],"label":"trial \d \(completed\)"/
                ))
        }
    }

    @Test func aKilledRunIsFinishedByTheNextAfterTheLease() throws {
        try AgentScene.with(.postgres, name: "pgrunkill", trials: 3) { scene in
            try
                (String(contentsOfFile: scene.sweepFile, encoding: .utf8)
                + "heartbeat: 0.5s\nlease: 3s\n")
                .write(toFile: scene.sweepFile, atomically: true, encoding: .utf8)
            let gate = scene.folder + "/gate"
            let worker = CLIRun.fakeWorkers.appendingPathComponent("ok.sh").path
            let arguments = ["run", scene.sweepFile, "--db", scene.db, "--worker-command", worker]
            let doomed = try CLIRun.start(
                arguments + ["--jobs", "1"], environment: ["FAKE_GATE": gate],
                log: scene.folder + "/doomed")
            #expect(CLIRun.waitUntil { scene.log("doomed").contains("started (attempt 1)") })
            kill(doomed.processIdentifier, SIGKILL)
            doomed.waitUntilExit()
            _ = FileManager.default.createFile(atPath: gate, contents: nil)
            let status = try CLIRun.run(arguments, log: scene.folder + "/again")
            #expect(status == 0, "\(scene.log("again"))")
            let census = try scene.census()
            #expect(census.states == [.completed: 3])
            #expect(census.attempts.values.sorted() == [1, 1, 2])
        }
    }

    @Test func ctrlCLetsTheRunningTrialFinishWithinTheGraceAndExits130() throws {
        try AgentScene.with(.postgres, name: "pgrunstop", trials: 3) { scene in
            let gate = scene.folder + "/gate"
            let worker = CLIRun.fakeWorkers.appendingPathComponent("ok.sh").path
            let arguments = ["run", scene.sweepFile, "--db", scene.db, "--worker-command", worker]
            let stopped = try CLIRun.start(
                arguments + ["--jobs", "1", "--grace", "60s"], environment: ["FAKE_GATE": gate],
                log: scene.folder + "/stopped")
            #expect(CLIRun.waitUntil { scene.log("stopped").contains("started (attempt 1)") })
            kill(stopped.processIdentifier, SIGINT)
            usleep(500_000)
            _ = FileManager.default.createFile(atPath: gate, contents: nil)
            stopped.waitUntilExit()
            #expect(stopped.terminationStatus == 130, "\(scene.log("stopped"))")
            #expect(try scene.census().states == [.completed: 1, .queued: 2])
            let status = try CLIRun.run(arguments, log: scene.folder + "/again")
            #expect(status == 0, "\(scene.log("again"))")
            let census = try scene.census()
            #expect(census.states == [.completed: 3])
            #expect(census.attempts.values.allSatisfy { $0 == 1 })
        }
    }
}
