import GRDB

/// The database schema, as append-only named migrations: a new schema change is a new migration
/// appended at the end, never an edit of a shipped one, so every existing database upgrades in place
/// and nothing stored is deleted.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sweep, trial, epoch_metric, final_metric") { db in
            try createSweep(db)
            try createTrial(db)
            try createEpochMetric(db)
            try createFinalMetric(db)
        }
        migrator.registerMigration("v2: trial.heartbeat_at, trial.owner (agents' leases)") { db in
            try db.alter(table: "trial") { t in
                t.add(column: "heartbeat_at", .datetime)
                t.add(column: "owner", .text)
            }
        }
        migrator.registerMigration("v3: reported_metrics (a command trainer's own metrics)") { db in
            for table in ["epoch_metric", "final_metric"] {
                try db.alter(table: table) { t in t.add(column: MetricColumns.reported, .text) }
            }
        }
        return migrator
    }

    private static func createSweep(_ db: Database) throws {
        try db.create(table: "sweep") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("spec_text", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
    }

    private static func createTrial(_ db: Database) throws {
        try db.create(table: "trial") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sweep_id", .integer).notNull().references("sweep", onDelete: .cascade)
            t.column("key", .text).notNull().unique()
            t.column("plan_index", .integer).notNull()
            t.column("lr", .double).notNull()
            t.column("weight_decay", .double).notNull()
            t.column("batch_size", .integer).notNull()
            t.column("loss", .text).notNull()
            // UInt64 seeds are stored by bit pattern; config_json holds the exact value.
            t.column("seed", .integer).notNull()
            t.column("config_json", .text).notNull()
            t.column("state", .text).notNull().defaults(to: TrialState.queued.rawValue)
            t.column("worker_pid", .integer)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("started_at", .datetime)
            t.column("ended_at", .datetime)
            t.column("epochs_reached", .integer).notNull().defaults(to: 0)
            t.column("error", .text)
        }
        try db.create(index: "trial_by_sweep_state", on: "trial", columns: ["sweep_id", "state"])
    }

    private static func createEpochMetric(_ db: Database) throws {
        try db.create(table: "epoch_metric") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("trial_id", .integer).notNull().references("trial", onDelete: .cascade)
            t.column("epoch", .integer).notNull()
            // Nullable: a diverged epoch's NaN loss is stored by SQLite as NULL.
            t.column("loss", .double)
            for name in MetricColumns.names {
                t.column(name, .double)
            }
            t.column("seconds", .double).notNull()
            t.uniqueKey(["trial_id", "epoch"])
        }
    }

    private static func createFinalMetric(_ db: Database) throws {
        try db.create(table: "final_metric") { t in
            t.primaryKey("trial_id", .integer)
                .references("trial", onDelete: .cascade)
            t.column("status", .text).notNull()
            t.column("epochs", .integer).notNull()
            // Metric columns are NULL when the run diverged before any evaluation.
            for name in MetricColumns.names {
                t.column(name, .double)
            }
            t.column("seconds", .double).notNull()
            t.column("images_per_second", .double).notNull()
            t.column("reason", .text)
        }
    }
}
