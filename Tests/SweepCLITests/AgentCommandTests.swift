import Foundation
import Sweep
import Testing

/// `sweep-cli agent` processes sharing one store (an SQLite file, or PostgreSQL): a sweep is run
/// once in all, and a killed agent's trial goes to the others after its lease.
@Suite(.serialized) struct AgentCommandTests {
    /// Says, as a cancelled test with the reason, that the PostgreSQL cases did not run.
    @Test func postgresCasesHaveAServer() throws {
        try AgentScene.with(.postgres, name: "agentcheck", trials: 1) { scene in
            #expect(scene.db.hasPrefix("postgres://"))
        }
    }

    @Test(arguments: AgentScene.Store.allCases)
    func threeAgentsFinishTheSweepWithEveryTrialStoredOnce(store: AgentScene.Store) throws {
        try AgentScene.with(store, name: "agents3", trials: 9) { scene in
            let agents = try (0..<3).map { index in
                try CLIRun.start(
                    scene.arguments("ok.sh", ["--jobs", "2"]), log: scene.folder + "/agent\(index)")
            }
            for agent in agents {
                agent.waitUntilExit()
            }
            #expect(agents.map(\.terminationStatus) == [0, 0, 0])
            let census = try scene.census()
            #expect(census.states == [.completed: 9])
            #expect(census.attempts.count == 9)
            #expect(census.attempts.values.allSatisfy { $0 == 1 })
            let ran = (0..<3).map { scene.log("agent\($0)") }
            #expect(ran.allSatisfy { $0.contains("sweep finished") })
            let finished = ran.map { $0.components(separatedBy: " completed after ").count - 1 }
            #expect(finished.reduce(0, +) == 9)
            // `status` reads either store the same way.
            let status = scene.folder + "/status"
            #expect(try CLIRun.run(["status", scene.name, "--db", scene.db], log: status) == 0)
            #expect(scene.log("status").contains("sweep 'agents3'"))
            #expect(scene.log("status").contains("completed 9"))
        }
    }

    /// Two agents on a `method: tpe` sweep propose its trials from the shared store (the other
    /// agent's running trials count as liars): exactly `max_trials` trials, all different, each
    /// completed once.
    @Test(arguments: AgentScene.Store.allCases)
    func agentsProposeAModelBasedSweepTogether(store: AgentScene.Store) throws {
        try AgentScene.with(store, name: "agentstpe", trials: 9) { scene in
            let grid = try String(contentsOfFile: scene.sweepFile, encoding: .utf8)
            try grid.replacingOccurrences(
                of: "method: grid",
                with: "method: tpe\nmax_trials: 6\nsampler: {n_startup_trials: 2}"
            ).write(toFile: scene.sweepFile, atomically: true, encoding: .utf8)
            let agents = try (0..<2).map { index in
                try CLIRun.start(
                    scene.arguments("ok.sh", ["--jobs", "2", "--heartbeat", "0.5"]),
                    log: scene.folder + "/agent\(index)")
            }
            for agent in agents {
                agent.waitUntilExit()
            }
            #expect(agents.map(\.terminationStatus) == [0, 0])
            let census = try scene.census()
            #expect(census.states == [.completed: 6])
            #expect(census.attempts.values.allSatisfy { $0 == 1 })
        }
    }

    /// The first agent is killed (SIGKILL) while its trial waits after epoch 1; two agents with a
    /// 4 s lease run the rest, requeue the dead agent's trial once its heartbeat is older than
    /// the lease, and finish it: every trial completed once, that one on its second attempt.
    @Test(arguments: AgentScene.Store.allCases)
    func aKilledAgentsTrialIsRequeuedAfterTheLeaseAndFinishedByTheOthers(
        store: AgentScene.Store
    ) throws {
        try AgentScene.with(store, name: "agentkill", trials: 5) { scene in
            let gate = scene.folder + "/gate"
            let lease = ["--heartbeat", "0.5", "--lease", "4"]
            let doomed = try CLIRun.start(
                scene.arguments("ok.sh", lease), environment: ["FAKE_GATE": gate],
                log: scene.folder + "/doomed")
            #expect(CLIRun.waitUntil { scene.log("doomed").contains("started (attempt 1)") })
            kill(doomed.processIdentifier, SIGKILL)
            doomed.waitUntilExit()
            _ = FileManager.default.createFile(atPath: gate, contents: nil)
            let survivors = try (0..<2).map { index in
                try CLIRun.start(
                    scene.arguments("ok.sh", lease), log: scene.folder + "/agent\(index)")
            }
            for agent in survivors {
                agent.waitUntilExit()
            }
            #expect(survivors.map(\.terminationStatus) == [0, 0])
            let census = try scene.census()
            #expect(census.states == [.completed: 5])
            #expect(census.attempts.values.sorted() == [1, 1, 1, 1, 2])
            let logs = scene.log("agent0") + scene.log("agent1")
            #expect(logs.contains("queued again 1 trials whose agent stopped heartbeating"))
        }
    }

    /// `--time-budget` (or the file's `time_budget`): no trial starts here once it has passed,
    /// the running one finishes, and the agent says why it ended; the rest stay queued.
    @Test func noTrialStartsAfterTheTimeBudget() throws {
        try AgentScene.with(.sqlite, name: "agentbudget", trials: 4) { scene in
            let gate = scene.folder + "/gate"
            let agent = try CLIRun.start(
                scene.arguments("ok.sh", ["--time-budget", "2s"]),
                environment: ["FAKE_GATE": gate], log: scene.folder + "/agent")
            #expect(CLIRun.waitUntil { scene.log("agent").contains("started (attempt 1)") })
            Thread.sleep(forTimeInterval: 2.5)
            _ = FileManager.default.createFile(atPath: gate, contents: nil)
            agent.waitUntilExit()
            #expect(agent.terminationStatus == 0)
            #expect(
                scene.log("agent").contains("1 trials here (completed 1)"), "\(scene.log("agent"))")
            #expect(scene.log("agent").contains("; time budget reached"))
            #expect(try scene.census().states == [.completed: 1, .queued: 3])
        }
    }

    /// Early stopping decides from the shared store: a later agent's weak trial is pruned at the
    /// first rung against the two trials an earlier agent ran, which it never saw itself.
    @Test(arguments: AgentScene.Store.allCases)
    func earlyStoppingComparesWithOtherAgentsTrials(store: AgentScene.Store) throws {
        try AgentScene.with(store, name: "agentasha", trials: 3) { scene in
            let file = try String(contentsOfFile: scene.sweepFile, encoding: .utf8)
            try file.replacingOccurrences(of: "[0.1, 0.2, 0.3]", with: "[0.9, 0.8, 0.1]")
                .appending("early_stop: {type: asha, min_epochs: 1, reduction_factor: 3}\n")
                .write(toFile: scene.sweepFile, atomically: true, encoding: .utf8)
            let first = try CLIRun.run(
                scene.arguments("ok.sh", ["--max-trials-here", "2"]), log: scene.folder + "/a")
            #expect(first == 0, "\(scene.log("a"))")
            // A second per epoch, so the prune reaches the worker before its last epoch.
            let second = try CLIRun.run(
                scene.arguments("ok.sh"), environment: ["FAKE_SLEEP": "1"],
                log: scene.folder + "/b")
            #expect(second == 0, "\(scene.log("b"))")
            #expect(scene.log("b").contains("pruned"), "\(scene.log("b"))")
            #expect(scene.log("b").contains("of 3 trials"), "\(scene.log("b"))")
            #expect(try scene.census().states == [.completed: 2, .pruned: 1])
        }
    }
}
