import Foundation
import Testing

@testable import Sweep
@testable import SweepPostgres

/// The PostgreSQL server the tests may use: `SWEEP_TEST_POSTGRES_URL` (`.ci/run` starts one
/// with `scripts/local-postgres.sh` and sets it). Without it the PostgreSQL cases are cancelled
/// with a comment saying so, unless `SWEEP_REQUIRE_POSTGRES=1` (CI), where that is a failure.
enum PostgresTestServer {
    static let variable = "SWEEP_TEST_POSTGRES_URL"

    /// Runs `body` with the URL of a new empty database on the server, dropped afterwards.
    static func withDatabase(_ body: (PostgresURL) throws -> Void) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment[variable], !text.isEmpty else {
            let reason =
                "PostgreSQL store not tested: \(variable) is not set "
                + "(scripts/local-postgres.sh start prints a URL for it)"
            if environment["SWEEP_REQUIRE_POSTGRES"] == "1" {
                Issue.record("\(reason), but SWEEP_REQUIRE_POSTGRES=1")
                return
            }
            try Test.cancel(Comment(rawValue: reason))
        }
        try PostgresScratchDatabase.with(server: try PostgresURL(text), body)
    }
}
