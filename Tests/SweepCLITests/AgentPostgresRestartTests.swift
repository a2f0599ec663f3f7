import Foundation
import Sweep
import Testing

/// Agents on a PostgreSQL server that restarts mid-sweep (`scripts/local-postgres.sh restart`
/// cuts every connection): they reconnect with back-off, their running trials are not lost, and
/// the sweep finishes. The server is the test's own, so the other PostgreSQL tests never see
/// the restart.
@Suite(.serialized) struct AgentPostgresRestartTests {
    @Test func agentsCarryOnThroughAServerRestart() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SWEEP_TEST_POSTGRES_URL"].map({ !$0.isEmpty }) == true else {
            let reason = "PostgreSQL restart not tested: SWEEP_TEST_POSTGRES_URL is not set"
            if environment["SWEEP_REQUIRE_POSTGRES"] == "1" {
                Issue.record("\(reason), but SWEEP_REQUIRE_POSTGRES=1")
                return
            }
            try Test.cancel(Comment(rawValue: reason))
        }
        let server = try LocalPostgres()
        defer { server.stop() }
        let scene = try AgentScene(name: "pgrestart", trials: 6, db: server.url)
        defer { scene.remove() }
        let gate = scene.folder + "/gate"
        let agents = try (0..<2).map { index in
            try CLIRun.start(
                scene.arguments("ok.sh", ["--jobs", "2", "--heartbeat", "0.5", "--lease", "60"]),
                environment: ["FAKE_GATE": gate], log: scene.folder + "/agent\(index)")
        }
        // Four trials are running, each held after its first epoch until the gate opens.
        let running = CLIRun.waitUntil(seconds: 120) {
            let logs = scene.log("agent0") + scene.log("agent1")
            return logs.components(separatedBy: "started (attempt 1)").count - 1 == 4
        }
        #expect(running, "\(scene.log("agent0"))\n\(scene.log("agent1"))")
        try server.restart()
        _ = FileManager.default.createFile(atPath: gate, contents: nil)
        for agent in agents {
            agent.waitUntilExit()
        }
        let logs = scene.log("agent0") + "\n" + scene.log("agent1")
        #expect(agents.map(\.terminationStatus) == [0, 0], "\(logs)")
        let census = try scene.census()
        #expect(census.states == [.completed: 6], "\(logs)")
        #expect(census.attempts.values.allSatisfy { $0 == 1 }, "\(census.attempts)")
        #expect(logs.components(separatedBy: ", 0 lost (lease expired)").count - 1 == 2, "\(logs)")
    }
}

/// A private server started with `scripts/local-postgres.sh` (its own state file).
struct LocalPostgres {
    let state: String
    let url: String

    init() throws {
        state =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-pg-\(UUID().uuidString).state").path
        let output = try Self.script("start", state: state)
        url = try #require(
            output.split(separator: "\n").last.map(String.init).flatMap {
                $0.hasPrefix("postgres://") ? $0 : nil
            }, "local-postgres.sh start printed no URL")
    }

    func restart() throws { _ = try Self.script("restart", state: state) }

    func stop() { _ = try? Self.script("stop", state: state) }

    /// Runs `scripts/local-postgres.sh VERB`; its output, or a failure naming the verb.
    /// Run through `system` with the output in a file: the server it starts in the background
    /// keeps inherited descriptors open, and Foundation's `Process` did not see the script end.
    private static func script(_ verb: String, state: String) throws -> String {
        let script = CLIRun.repository.appendingPathComponent("scripts/local-postgres.sh").path
        let log = state + ".\(verb).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let status = system(
            "SWEEP_LOCAL_POSTGRES_STATE='\(state)' bash '\(script)' \(verb) >'\(log)' 2>&1 </dev/null"
        )
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try #require(status == 0, "local-postgres.sh \(verb): \(output)")
        return output
    }
}
