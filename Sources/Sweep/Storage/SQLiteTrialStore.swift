import Foundation
import GRDB
import Trainer

/// The SQLite sweep database (GRDB `DatabasePool`, WAL mode while open for writing): the
/// orchestrator writes while other `sweep-cli` processes (`top`, `status`, `export`, `list`) read
/// consistent snapshots through read-only opens. Closed, it is one self-contained file.
///
/// Opening never deletes anything: a writable store creates missing parent folders and applies the
/// pending schema migrations (append-only); a read-only store requires an existing sweep database.
/// Every failure is a ``StoreError`` naming the database path.
public struct SQLiteTrialStore: Sendable {
    /// Where `sweep-cli` keeps its database unless `--db` says otherwise.
    public static let defaultPath = "results/sweeps.sqlite"

    /// The database file, as given.
    public let path: String
    let pool: DatabasePool
    /// Whether `final_metric` has ``MetricColumns/reported``: false only for a database written
    /// by an older version and opened read-only (readers never migrate).
    let hasReportedMetrics: Bool

    /// Opens (creating when needed) the database at `path`.
    /// - Parameter readOnly: open for reading only (readers of a running sweep); the database must
    ///   exist and hold the sweep tables.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        guard !path.isEmpty else { throw .emptyPath }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .isDirectory(path: path)
            default: throw .notARegularFile(path: path)
            }
        }
        if readOnly && !exists {
            throw .missingDatabase(path: path)
        }
        if !readOnly {
            try Self.createParentFolder(of: path)
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "sweep-store"
        do {
            pool = try Self.openPool(path: path, configuration: configuration)
            if readOnly {
                guard try pool.read({ try $0.tableExists("trial") }) else {
                    throw StoreError.notASweepDatabase(path: path)
                }
            } else {
                try Self.migrate(pool)
            }
            hasReportedMetrics = try pool.read { db in
                try db.columns(in: "final_metric").contains { $0.name == MetricColumns.reported }
            }
        } catch {
            throw Self.openError(error, path: path, readOnly: readOnly)
        }
    }

    /// Opens the pool. Processes opening one database at once (agents started together) race on
    /// `PRAGMA journal_mode = WAL`, which needs an exclusive lock and fails at once with
    /// SQLITE_BUSY instead of waiting on the busy timeout: the loser retries.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool
    {
        try retryingWhileBusy { try DatabasePool(path: path, configuration: configuration) }
    }

    /// Runs `body` again while SQLite reports the database busy without waiting on the busy
    /// timeout (a journal-mode switch, a checkpoint racing another process's), for as long as
    /// that timeout; then the failure is thrown.
    private static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard Date() < deadline else { throw error }
                usleep(useconds_t.random(in: 10_000...50_000))
            }
        }
    }

    /// How long a connection waits for another process's lock before giving up (seconds).
    private static let busyTimeout: TimeInterval = 10

    /// Applies the pending migrations. Agents creating one database at once race: GRDB reads
    /// which migrations are applied before it writes, so the slower agent's migration fails
    /// (its tables exist now); run again, it finds them applied. A lasting failure is thrown.
    private static func migrate(_ pool: DatabasePool) throws {
        for _ in 1..<3 where (try? StoreMigrations.migrator.migrate(pool)) != nil {
            return
        }
        try StoreMigrations.migrator.migrate(pool)
    }

    /// An opening failure; SQLite's "unable to open" is explained from the file's and its
    /// folder's permissions, a read-only open of a WAL database in a read-only folder as such.
    private static func openError(_ error: any Error, path: String, readOnly: Bool) -> StoreError {
        guard let databaseError = error as? DatabaseError else {
            return storeError(error, path: path)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if readOnly, databaseError.resultCode == .SQLITE_READONLY {
            return .cannotOpen(
                path: path,
                reason: "it is still in WAL mode (its run was killed, or it was copied while a "
                    + "run wrote), and reading it needs a -shm file that the folder \(folder) "
                    + "does not allow; copy it to a writable folder, or let `sweep-cli run` "
                    + "finish with it once")
        }
        guard [.SQLITE_CANTOPEN, .SQLITE_PERM].contains(databaseError.resultCode) else {
            return storeError(error, path: path)
        }
        let reason: String
        if access(path, R_OK) != 0 && errno == EACCES {
            reason = "permission denied: no read access to the file"
        } else if !readOnly && access(path, W_OK) != 0 && errno == EACCES {
            reason = "permission denied: no write access to the file"
        } else if access(folder, W_OK) != 0 {
            reason =
                "the folder \(folder) is not writable (SQLite keeps its -wal and -shm files "
                + "beside the database)"
        } else {
            reason = databaseError.message ?? "SQLite cannot open it"
        }
        return .cannotOpen(path: path, reason: reason)
    }

    private static func createParentFolder(of path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .notWritable(
                path: path,
                reason: "cannot create folder \(folder.path): "
                    + WriteFailure.reason(path: folder.path, error: error, expectingFolder: true))
        }
    }

    /// Moves everything from the write-ahead log into the database file (a TRUNCATE checkpoint)
    /// and closes every connection, so the database file alone holds all results (a user may copy
    /// just that file). Then, unless another process has it open, leaves the file in
    /// rollback-journal mode (best effort), which readers can open read-only anywhere (a WAL database needs a
    /// writable folder for its `-shm` file); the next writer turns WAL on again. Call it on
    /// every way out of a command that wrote; the store is unusable afterwards. A read-only
    /// store is only closed.
    public func close() throws(StoreError) {
        let readOnly = pool.configuration.readonly
        do {
            if !readOnly {
                try checkpoint()
            }
            try pool.close()
        } catch {
            throw Self.storeError(error, path: path)
        }
        if !readOnly {
            // Best effort: while another process has the database open (a `status` reading
            // it) SQLite refuses the switch; the checkpoint above already holds everything.
            try? Self.leaveInRollbackJournalMode(path: path)
        }
    }

    /// Moves the write-ahead log into the database file. Another process checkpointing or closing
    /// the same database at that moment (agents finishing together) makes SQLite answer busy at
    /// once: retried, and should it last, left to that process, whose own close checkpoints.
    private func checkpoint() throws {
        do {
            _ = try Self.retryingWhileBusy {
                try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return
        }
    }

    private static func leaveInRollbackJournalMode(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        _ = try queue.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
    }

    /// Runs `body`, then ``close()``s the store however `body` ends (returned or threw); a
    /// failure of `body` wins over one of `close()`.
    public func closing<T>(_ body: () async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body()
        } catch {
            try? close()
            throw error
        }
        try close()
        return result
    }

    /// Runs `body` in a write transaction, turning every failure into a ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs `body` on a read-only snapshot, turning every failure into a ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Rephrases SQLite's errors for the user, naming the database path.
    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError {
            return storeError
        }
        guard let databaseError = error as? DatabaseError else {
            return .sqlite(path: path, message: String(describing: error))
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB:
            return .notADatabase(path: path)
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_READONLY:
            return .notWritable(
                path: path, reason: "the database is read-only (file permissions or read-only open)"
            )
        case .SQLITE_CANTOPEN, .SQLITE_PERM:
            return .notWritable(path: path, reason: "SQLite cannot open it (permissions?)")
        default:
            return .sqlite(path: path, message: databaseError.description)
        }
    }
}
