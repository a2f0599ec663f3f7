import Foundation
import Sweep
import Synchronization
import Trainer

/// Claim throughput of a shared store: `agents` threads, each with its own connection, claim
/// zero-epoch trials of one sweep and finish each at once (claim + finish: what an agent writes
/// for a trial without epochs), until none is left.
public enum ClaimBenchmark {
    /// One agents value's measurements.
    public struct Row: Sendable, Equatable {
        public var agents: Int
        public var trials: Int
        public var wallSeconds: Double
        /// Trials claimed more than once, or never (0 and 0 when the store is right).
        public var duplicates: Int
        public var missing: Int

        public var claimsPerSecond: Double { Double(trials) / max(wallSeconds, 1e-9) }
    }

    /// Plans `trials` trials into a fresh sweep per agents value (through `open()`), then runs
    /// the agents; `open` is called once per agent.
    public static func run(
        trials: Int, agentsList: [Int], open: @escaping @Sendable () throws -> any TrialStore
    ) throws -> [Row] {
        var rows: [Row] = []
        let outcome = TrialOutcome(
            state: .completed,
            result: TrainingResult(
                status: .completed, epochs: 0, metrics: nil, seconds: 0, imagesPerSecond: 0))
        for agents in agentsList {
            let planner = try open()
            let name = "bench-claims-\(agents)-\(UUID().uuidString.prefix(8))"
            let sweepID = try planner.openSweep(name: name, specText: "")
            let planned = (0..<trials).map { index in
                TrialConfig(
                    index: index, key: "\(name)-\(index)",
                    parameters: TrialParameters(
                        lr: 0.01, weightDecay: 0, batchSize: 1, loss: .focal),
                    seed: UInt64(index), training: TrainingConfig())
            }
            try planner.plan(sweepID: sweepID, trials: planned)
            let stores = try (0..<agents).map { _ in try open() }
            let claimed = Mutex<[String]>([])
            let failure = Mutex<(any Error)?>(nil)
            let group = DispatchGroup()
            let began = ContinuousClock.now
            for (index, store) in stores.enumerated() {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        var mine: [String] = []
                        while let claim = try store.claim(
                            sweepID: sweepID, owner: "bench-\(index)", at: Date())
                        {
                            try store.finish(
                                key: claim.key, attempt: claim.attempt, outcome: outcome)
                            mine.append(claim.key)
                        }
                        claimed.withLock { $0 += mine }
                    } catch {
                        failure.withLock { $0 = error }
                    }
                }
            }
            group.wait()
            let wall = (ContinuousClock.now - began) / .seconds(1)
            if let error = failure.withLock({ $0 }) {
                throw error
            }
            let keys = claimed.withLock { $0 }
            let unique = Set(keys)
            rows.append(
                Row(
                    agents: agents, trials: keys.count, wallSeconds: wall,
                    duplicates: keys.count - unique.count,
                    missing: planned.filter { !unique.contains($0.key) }.count))
        }
        return rows
    }

    /// The table `sweep-cli bench claims` prints.
    public static func report(_ rows: [Row]) -> String {
        var table = TextTable(columns: [
            .init("agents"), .init("trials"), .init("wall_s"), .init("claims_per_s"),
            .init("duplicates"), .init("missing"),
        ])
        for row in rows {
            table.append([
                String(row.agents), String(row.trials),
                ReportFormat.fixed(row.wallSeconds, decimals: 2),
                ReportFormat.fixed(row.claimsPerSecond, decimals: 0), String(row.duplicates),
                String(row.missing),
            ])
        }
        return table.render()
    }
}
