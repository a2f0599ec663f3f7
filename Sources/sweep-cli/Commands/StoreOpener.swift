import Sweep
import SweepPostgres

/// `--db`: a `postgres://` URL selects the PostgreSQL store, anything else is an SQLite file.
struct StoreOpener {
    let store: any TrialStore
    let close: @Sendable () -> Void

    /// Opens `db` for writing (creating the SQLite file or the PostgreSQL schema when needed).
    static func writable(_ db: String) throws -> StoreOpener {
        if PostgresURL.isURL(db) {
            let store = try PostgresTrialStore(db)
            return StoreOpener(store: store, close: { store.close() })
        }
        let store = try SQLiteTrialStore(path: db)
        return StoreOpener(store: store, close: { try? store.close() })
    }
}

extension StoreOpener {
    /// Opens `db` for reading: an SQLite file that must exist, or a PostgreSQL database that
    /// must hold the sweep tables.
    static func reader(_ db: String) throws -> any TrialReader {
        if PostgresURL.isURL(db) {
            return try PostgresTrialStore(db, createSchema: false)
        }
        return try SQLiteTrialStore(path: db, readOnly: true)
    }

    /// `db` for the commands that read and write SQLite only; a `postgres://` URL is refused with
    /// a message naming the server (without its password) and what to use instead.
    static func sqlitePath(_ db: String, command: String) throws -> String {
        guard PostgresURL.isURL(db) else { return db }
        let shown = (try? PostgresURL(db).description) ?? "postgres://…"
        throw StoreError.server(
            database: shown,
            message: "`sweep-cli \(command)` runs on SQLite files only; run a sweep on PostgreSQL "
                + "with `sweep-cli agent`")
    }
}
