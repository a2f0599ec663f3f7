import PostgresNIO

/// Statements whose identifiers cannot be bound as parameters.
enum PostgresQueryText {
    /// `CREATE DATABASE "name"`; `name` is generated (letters, digits, `_`), never user input.
    static func createDatabase(_ name: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoted(name))")
    }

    /// `DROP DATABASE IF EXISTS "name" WITH (FORCE)`.
    static func dropDatabase(_ name: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)")
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
