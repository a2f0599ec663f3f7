import Foundation
import Sweep
import SweepPostgres
import Testing

/// A sweep of `trials` grid trials run by `sweep-cli agent` processes with a fake worker, on an
/// SQLite file or a scratch PostgreSQL database (`SWEEP_TEST_POSTGRES_URL`).
struct AgentScene {
    enum Store: CaseIterable, Sendable {
        case sqlite
        case postgres
    }

    let name: String
    let folder: String
    let db: String
    var sweepFile: String { folder + "/\(name).yaml" }

    init(name: String, trials: Int, db: String?) throws {
        self.name = name
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-\(name)-\(UUID().uuidString)").path
        self.db = db ?? folder + "/sweeps.sqlite"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let values = (1...trials).map { "0.\($0)" }.joined(separator: ", ")
        try """
        name: \(name)
        method: grid
        seed: 3
        parameters:
          lr: {values: [\(values)]}
        trainer:
          epochs: 2
          batch_size: 4
          data:
            synthetic: {image_size: 32, train_images: 16, val_images: 8, seed: 7}

        """.write(toFile: sweepFile, atomically: true, encoding: .utf8)
    }

    /// Runs `body` with a scene on `store`; a PostgreSQL scene gets a scratch database, and is
    /// cancelled (reported as not run) without `SWEEP_TEST_POSTGRES_URL`, or fails where
    /// `SWEEP_REQUIRE_POSTGRES=1`.
    static func with(
        _ store: Store, name: String, trials: Int, _ body: (AgentScene) throws -> Void
    ) throws {
        switch store {
        case .sqlite:
            let scene = try AgentScene(name: name, trials: trials, db: nil)
            defer { scene.remove() }
            try body(scene)
        case .postgres:
            let environment = ProcessInfo.processInfo.environment
            guard let server = environment["SWEEP_TEST_POSTGRES_URL"], !server.isEmpty else {
                let reason = "PostgreSQL agents not tested: SWEEP_TEST_POSTGRES_URL is not set"
                if environment["SWEEP_REQUIRE_POSTGRES"] == "1" {
                    Issue.record("\(reason), but SWEEP_REQUIRE_POSTGRES=1")
                    return
                }
                try Test.cancel(Comment(rawValue: reason))
            }
            try PostgresScratchDatabase.with(server: try PostgresURL(server)) { url in
                // The password travels in the URL (the scratch URL prints without it).
                var text = "postgres://\(url.user)"
                if let password = url.password { text += ":\(password)" }
                text += "@\(url.host):\(url.port)/\(url.database)"
                let scene = try AgentScene(name: name, trials: trials, db: text)
                defer { scene.remove() }
                try body(scene)
            }
        }
    }

    /// `agent` on the sweep with the fake worker `worker` and `extra` options.
    func arguments(_ worker: String, _ extra: [String] = []) -> [String] {
        ["agent", sweepFile, "--db", db] + extra + [
            "--worker-command", CLIRun.fakeWorkers.appendingPathComponent(worker).path,
        ]
    }

    /// The sweep's trials by state and attempts, read through the store `db` names.
    func census() throws -> (states: [TrialState: Int], attempts: [String: Int]) {
        let reader: any TrialReader =
            PostgresURL.isURL(db)
            ? try PostgresTrialStore(db, createSchema: false)
            : try SQLiteTrialStore(path: db, readOnly: true)
        let trials = try reader.trials(sweep: name)
        return (
            trials.reduce(into: [:]) { $0[$1.state, default: 0] += 1 },
            Dictionary(uniqueKeysWithValues: trials.map { ($0.key, $0.attempts) })
        )
    }

    func log(_ name: String) -> String {
        (try? String(contentsOfFile: folder + "/\(name)", encoding: .utf8)) ?? ""
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
