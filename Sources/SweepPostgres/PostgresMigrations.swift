import PostgresNIO
import Sweep

/// The PostgreSQL schema, as append-only named migrations (as `StoreMigrations` does for SQLite):
/// a change is a new migration at the end, never an edit of a shipped one. Agents starting at
/// once apply them one at a time under an advisory lock.
enum PostgresMigrations {
    /// Names the lock that serialises schema changes (any constant unlikely to clash).
    static let lockID: Int64 = 0x5357_4545_5053

    static let migrations: [(name: String, statements: [String])] = [
        ("v1: sweep, trial, epoch_metric, final_metric", v1),
        (
            "v2: reported_metrics (a command trainer's own metrics)",
            ["epoch_metric", "final_metric"].map {
                "ALTER TABLE \($0) ADD COLUMN \(MetricColumns.reported) TEXT"
            }
        ),
    ]

    /// Applies the migrations not yet recorded in `sweep_migration`.
    static func migrate(_ session: PostgresSession) throws(StoreError) {
        try session.transaction { sql in
            try sql.execute("SELECT pg_advisory_xact_lock(\(lockID))")
            try sql.execute(
                """
                CREATE TABLE IF NOT EXISTS sweep_migration (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """)
            let applied = try Set(
                sql.rows("SELECT name FROM sweep_migration").map { try $0.decode(String.self) })
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try sql.execute(PostgresQuery(unsafeSQL: statement))
                }
                try sql.execute("INSERT INTO sweep_migration (name) VALUES (\(migration.name))")
            }
        }
    }

    /// Whether the database holds the sweep tables (for readers, which never create them).
    static func hasSchema(_ session: PostgresSession) throws(StoreError) -> Bool {
        try session.transaction { sql in
            try sql.rows("SELECT to_regclass('trial') IS NOT NULL")
                .first?.decode(Bool.self) ?? false
        }
    }

    private static var v1: [String] {
        let metrics = MetricColumns.names.map { "\($0) DOUBLE PRECISION" }
        return [
            """
            CREATE TABLE sweep (
                id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, spec_text TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL)
            """,
            """
            CREATE TABLE trial (
                id BIGSERIAL PRIMARY KEY,
                sweep_id BIGINT NOT NULL REFERENCES sweep(id) ON DELETE CASCADE,
                key TEXT NOT NULL UNIQUE, plan_index BIGINT NOT NULL,
                lr DOUBLE PRECISION NOT NULL, weight_decay DOUBLE PRECISION NOT NULL,
                batch_size BIGINT NOT NULL, loss TEXT NOT NULL, seed BIGINT NOT NULL,
                config_json TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued',
                worker_pid BIGINT, attempts BIGINT NOT NULL DEFAULT 0,
                started_at TIMESTAMPTZ, ended_at TIMESTAMPTZ,
                epochs_reached BIGINT NOT NULL DEFAULT 0, error TEXT,
                heartbeat_at TIMESTAMPTZ, owner TEXT)
            """,
            "CREATE INDEX trial_by_sweep_state ON trial (sweep_id, state, plan_index)",
            """
            CREATE TABLE epoch_metric (
                id BIGSERIAL PRIMARY KEY,
                trial_id BIGINT NOT NULL REFERENCES trial(id) ON DELETE CASCADE,
                epoch BIGINT NOT NULL, loss DOUBLE PRECISION,
                \(metrics.joined(separator: ", ")),
                seconds DOUBLE PRECISION NOT NULL, UNIQUE (trial_id, epoch))
            """,
            """
            CREATE TABLE final_metric (
                trial_id BIGINT PRIMARY KEY REFERENCES trial(id) ON DELETE CASCADE,
                status TEXT NOT NULL, epochs BIGINT NOT NULL,
                \(metrics.joined(separator: ", ")),
                seconds DOUBLE PRECISION NOT NULL, images_per_second DOUBLE PRECISION NOT NULL,
                reason TEXT)
            """,
        ]
    }
}
