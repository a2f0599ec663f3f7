import Foundation
import Sweep

/// A new empty database on a server, dropped afterwards: tests and benchmarks get a store of
/// their own without touching the database the URL names.
public enum PostgresScratchDatabase {
    /// Creates a database with a fresh name on `server`'s host (connecting to `server`'s database
    /// to do so), runs `body` with its URL, then drops it however `body` ended.
    public static func with<T>(
        server: PostgresURL, _ body: (PostgresURL) throws -> T
    ) throws -> T {
        let admin = try PostgresSession(url: server.resolvingPassword())
        defer { admin.close() }
        let name =
            "sweep_scratch_"
            + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try admin.withConnection { sql in
            try sql.execute(PostgresQueryText.createDatabase(name))
        }
        defer {
            _ = try? admin.withConnection { sql in
                try sql.execute(PostgresQueryText.dropDatabase(name))
            }
        }
        var url = server
        url.database = name
        return try body(url)
    }
}
