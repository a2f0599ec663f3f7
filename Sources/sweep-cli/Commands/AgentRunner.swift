import ArgumentParser
import Foundation
import Sweep

/// One agent in this process, printing its events, until it ends: `sweep-cli agent`, and
/// `sweep-cli run` on a PostgreSQL store (where claims and leases replace `run`'s lock).
enum AgentRunner {
    /// The heartbeat and lease in seconds: the options given, else the sweep file's, else the
    /// defaults; the heartbeat must be the shorter.
    static func leaseTimes(
        spec: SweepSpec, heartbeat: Double? = nil, lease: Double? = nil
    ) throws -> (heartbeat: Double, lease: Double) {
        let heartbeat = heartbeat ?? spec.heartbeat ?? AgentOptions.defaultHeartbeat
        let lease = lease ?? spec.lease ?? AgentOptions.defaultLease
        guard heartbeat < lease else {
            throw ValidationError(
                "the heartbeat (\(ReportFormat.duration(heartbeat))) must be shorter than the "
                    + "lease (\(ReportFormat.duration(lease)))")
        }
        return (heartbeat, lease)
    }

    /// Runs an agent of `spec` on `db`; Ctrl-C, SIGTERM and SIGHUP stop it: its running trials
    /// may finish for `grace` seconds (a second signal ends the wait), then are queued again.
    static func run(
        spec: SweepSpec, db: String, options: AgentOptions, workerCommand: String?,
        grace: Double = 0
    ) async throws -> AgentSummary {
        let store = try StoreOpener.writable(db)
        defer { store.close() }
        let launcher = WorkerLauncher.forSweep(workerCommand: workerCommand, database: db)
        let agent = Agent(
            spec: spec, store: store.store, launcher: launcher, options: options,
            earlyStop: spec.makeEarlyStopRule()
        ) { event in
            AgentEventPrinter.print(event)
        }
        let signals = StopSignals { _ in Task { await agent.requestStop(grace: grace) } }
        defer { signals.cancel() }
        return try await agent.run()
    }
}
