import Foundation
import Sweep

/// A `--db postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` address. The password may also come
/// from `PGPASSWORD` or `~/.pgpass` (``resolvingPassword(environment:home:)``); ``description``
/// never shows it.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Whether `--db` names a PostgreSQL server rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`.
    /// - Throws: ``StoreError/server(database:message:)`` saying what is missing (the password,
    ///   if any, left out of the message).
    public init(_ text: String) throws(StoreError) {
        let shown = Self.redacted(text)
        func invalid(_ reason: String) -> StoreError {
            .server(
                database: shown,
                message: "not a PostgreSQL URL (\(reason)); expected "
                    + "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw invalid("cannot parse it")
        }
        guard let user = components.user, !user.isEmpty else { throw invalid("no USER") }
        guard let host = components.host, !host.isEmpty else { throw invalid("no HOST") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw invalid("no DATABASE after the host")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw invalid("port \(port) is not in 1...65535")
        }
        self.user = user
        self.password = components.password
        self.host = host
        self.port = components.port ?? 5432
        self.database = database
    }

    /// `postgres://USER@HOST:PORT/DATABASE`: the address without its password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// This URL with its password taken, when it has none, from `PGPASSWORD`, else from the
    /// first matching line of `PGPASSFILE` or `~/.pgpass` (`host:port:database:user:password`,
    /// `*` matching anything).
    public func resolvingPassword(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = NSHomeDirectory()
    ) -> PostgresURL {
        guard password == nil else { return self }
        var resolved = self
        if let fromEnvironment = environment["PGPASSWORD"] {
            resolved.password = fromEnvironment
            return resolved
        }
        let file = environment["PGPASSFILE"] ?? home + "/.pgpass"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return self }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.pgpassFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) {
                resolved.password = fields[4]
                return resolved
            }
        }
        return self
    }

    /// A `.pgpass` line's fields: `:` separates them, `\:` and `\\` escape.
    static func pgpassFields(_ line: String) -> [String] {
        var fields: [String] = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }

    /// `text` with any password between `://USER:` and `@` removed, for messages.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"),
            let at = text[schemeEnd.upperBound...].lastIndex(of: "@")
        else { return text }
        let userInfo = text[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }
}
