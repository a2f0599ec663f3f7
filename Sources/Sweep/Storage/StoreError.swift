import Foundation

/// Why the sweep database could not be opened, read or written. Every message names the database
/// path (and the sweep or trial involved) so the user can act on it.
public enum StoreError: Error, Sendable, Equatable {
    /// The database path (`--db`) is empty.
    case emptyPath
    /// The path names a directory, not a database file.
    case isDirectory(path: String)
    /// The path names a device, FIFO or socket, not a database file.
    case notARegularFile(path: String)
    /// SQLite cannot open the file: `reason` says what is missing (read access, write access, a
    /// writable folder for the `-wal` and `-shm` files).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database (SQLite: "file is not a database").
    case notADatabase(path: String)
    /// The file is an SQLite database without the sweep tables.
    case notASweepDatabase(path: String)
    /// A reader was pointed at a database that does not exist.
    case missingDatabase(path: String)
    /// The database (or its folder) cannot be created or written.
    case notWritable(path: String, reason: String)
    /// The disk (or the database's size limit) is full.
    case diskFull(path: String)
    /// No sweep of that name is stored; `known` lists the names that are.
    case unknownSweep(name: String, known: [String], path: String)
    /// No trial with that key is stored.
    case unknownTrial(key: String, path: String)
    /// A stored trial's config JSON no longer decodes.
    case corruptTrial(key: String, path: String, reason: String)
    /// The sweep file changed trainer settings of trials already stored under the same sweep name
    /// (e.g. `epochs 1 → 2`); nothing was planned and the stored trials are kept.
    case trainerSettingsChanged(sweep: String, changes: [String], path: String)
    /// Any other SQLite failure, with SQLite's own message.
    case sqlite(path: String, message: String)
    /// A write from claim `attempt` of the trial, which was requeued and claimed again since (its
    /// heartbeat was older than the lease): refused, so the newer attempt's data is kept.
    case staleAttempt(key: String, attempt: Int, path: String)
    /// A database server failure; `database` names it without its password
    /// (`postgres://USER@HOST:PORT/DATABASE`).
    case server(database: String, message: String)
}

extension StoreError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .emptyPath:
            "--db '': the database path is empty; pass a file such as "
                + SQLiteTrialStore.defaultPath
        case .isDirectory(let path):
            "\(path): is a directory, not a sweep database file; pass a file to --db"
        case .notARegularFile(let path):
            "\(path): is a device, FIFO or socket, not a sweep database file; pass a file to --db"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the sweep database: \(reason)"
        case .notADatabase(let path):
            "\(path): file is not an SQLite database (left untouched); "
                + "pass another --db path"
        case .notASweepDatabase(let path):
            "\(path): SQLite database without sweep tables; pass the database written by "
                + "`sweep-cli run`"
        case .missingDatabase(let path):
            "\(path): no such database; run `sweep-cli run` first or pass --db"
        case .notWritable(let path, let reason):
            "\(path): cannot write the sweep database: \(reason)"
        case .diskFull(let path):
            "\(path): disk full while writing the sweep database; free space and run again "
                + "(finished trials are kept)"
        case .unknownSweep(let name, let known, let path):
            "\(path): no sweep named '\(name)'; known sweeps: "
                + (known.isEmpty ? "(none)" : known.map { "'\($0)'" }.joined(separator: ", "))
        case .unknownTrial(let key, let path):
            "\(path): no trial with key '\(key)'"
        case .corruptTrial(let key, let path, let reason):
            "\(path): trial '\(key)' has an unreadable config_json: \(reason)"
        case .trainerSettingsChanged(let sweep, let changes, let path):
            "\(path): sweep '\(sweep)' has stored trials trained with other trainer settings "
                + "(\(changes.joined(separator: "; "))); they are kept. Rename the sweep (name:) "
                + "or pass another --db to run the new settings, or undo the edit to continue it"
        case .sqlite(let path, let message):
            "\(path): \(message)"
        case .staleAttempt(let key, let attempt, let path):
            "\(path): trial '\(key)' attempt \(attempt) lost its lease (it was requeued and claimed "
                + "again); its write is refused"
        case .server(let database, let message):
            "\(database): \(message)"
        }
    }

    public var errorDescription: String? { description }
}
