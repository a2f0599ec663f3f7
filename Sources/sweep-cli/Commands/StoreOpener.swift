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
}

extension StoreOpener {
    /// Opens `db` for a command that reads SQLite files only (the benchmarks that replay a
    /// stored grid); a `postgres://` URL is refused without echoing its password.
    static func sqliteFile(_ db: String) throws -> SQLiteTrialStore {
        if PostgresURL.isURL(db) {
            throw StoreError.cannotOpen(
                path: (try? PostgresURL(db).description) ?? "postgres://…",
                reason: "this benchmark replays a grid run stored in an SQLite file, "
                    + "not in PostgreSQL; run the grid with --db FILE")
        }
        return try SQLiteTrialStore(path: db, readOnly: true)
    }
}
