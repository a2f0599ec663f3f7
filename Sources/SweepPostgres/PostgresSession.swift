import Foundation
import Logging
import PostgresNIO
import Sweep

/// One connection to the server on its own event-loop thread, used synchronously: each call
/// sends its statements and blocks the calling thread on the result.
///
/// Why blocking: ``TrialStore`` is synchronous (the SQLite store blocks the same way in GRDB), and
/// the scheduler and agents call it from their actors. The futures complete on this session's own
/// NIO thread, never on Swift's cooperative pool, so a blocked caller cannot starve the thread
/// that would wake it (a `Task` awaited through a semaphore could, on a 2-core pool).
///
/// A lost connection (server restarted, network cut) is opened again with back-off, and a
/// transaction it cut short is run again from its start (the server rolled it back).
final class PostgresSession: @unchecked Sendable {
    let url: PostgresURL
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var connection: PostgresConnection?
    /// Waits before reconnecting, in seconds: about half a minute in all.
    static let backoff: [Double] = [0.2, 0.5, 1, 2, 4, 8, 15]

    /// Connects to `url` (password resolved); throws a ``StoreError`` naming host and database.
    init(url: PostgresURL) throws(StoreError) {
        self.url = url
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "sweep.postgres")
        logger.logLevel = .critical
        self.logger = logger
        lock.lock()
        defer { lock.unlock() }
        do {
            connection = try connect()
        } catch {
            // The event loop group is shut down by deinit, which a failed init runs too.
            throw PostgresFailure.storeError(error, url: url)
        }
    }

    deinit {
        try? connection?.close().wait()
        try? group.syncShutdownGracefully()
    }

    private func connect() throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password,
            database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        return try PostgresConnection.connect(
            on: group.next(), configuration: configuration, id: 1, logger: logger
        ).wait()
    }

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, rolled back when `body` throws).
    /// A lost connection is reopened with back-off and `body` run again; every other failure
    /// is a ``StoreError`` naming the database.
    func transaction<T>(_ body: (PostgresStatements) throws -> T) throws(StoreError) -> T {
        try withConnection { statements in
            try statements.execute("BEGIN")
            do {
                let result = try body(statements)
                try statements.execute("COMMIT")
                return result
            } catch {
                if !PostgresFailure.isConnectionLoss(error) {
                    _ = try? statements.execute("ROLLBACK")
                }
                throw error
            }
        }
    }

    /// Runs `body` outside a transaction (statements such as `CREATE DATABASE` that refuse to
    /// run inside one), reconnecting as ``transaction(_:)`` does.
    func withConnection<T>(_ body: (PostgresStatements) throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        var waits = Self.backoff[...]
        while true {
            do {
                return try body(
                    PostgresStatements(connection: try openConnection(), logger: logger))
            } catch {
                guard PostgresFailure.isConnectionLoss(error), let wait = waits.popFirst() else {
                    throw PostgresFailure.storeError(error, url: url)
                }
                try? connection?.close().wait(deadline: PostgresDeadline.seconds)
                connection = nil
                Thread.sleep(forTimeInterval: wait)
            }
        }
    }

    private func openConnection() throws -> PostgresConnection {
        if let connection, !connection.isClosed {
            return connection
        }
        let opened = try connect()
        connection = opened
        return opened
    }

    /// Closes the connection; the session is unusable afterwards.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        try? connection?.close().wait()
        connection = nil
    }
}

/// The statements of one transaction.
struct PostgresStatements {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `query` and returns its rows.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait(deadline: PostgresDeadline.seconds).rows
    }

    /// Runs `query`; returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try connection.query(query, logger: logger).wait(deadline: PostgresDeadline.seconds)
            .metadata.rows ?? 0
    }
}
