import Foundation
import PostgresNIO
import Sweep

/// Turns PostgresNIO's errors into ``StoreError``s that name the server and database (never the
/// password) and say what went wrong in the user's terms.
enum PostgresFailure {
    /// Whether `error` means the connection is gone or the server is restarting (a reconnect
    /// may help): lost sockets, and the server's SQLSTATE class 08 (connection exception) and
    /// 57P01–57P03 (shut down, crashed, starting up).
    static func isConnectionLoss(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else {
            return error is ChannelError || error is IOError || error is PostgresDeadlineExceeded
        }
        if let state = error.serverInfo?[.sqlState] {
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        }
        return [
            .serverClosedConnection, .clientClosedConnection, .connectionError,
            .uncleanShutdown,
        ]
        .contains(error.code)
    }

    static func storeError(_ error: any Error, url: PostgresURL) -> StoreError {
        if let storeError = error as? StoreError {
            return storeError
        }
        return .server(database: url.description, message: message(error, url: url))
    }

    private static func message(_ error: any Error, url: PostgresURL) -> String {
        guard let error = error as? PSQLError else {
            return "cannot reach the server at \(url.host):\(url.port): \(error)"
        }
        if let info = error.serverInfo, let text = info[.message] {
            let state = info[.sqlState]
            switch state {
            case "28P01", "28000":
                return "authentication failed for user '\(url.user)' (check the password in the "
                    + "URL, PGPASSWORD or ~/.pgpass)"
            case "3D000":
                return "database '\(url.database)' does not exist on \(url.host):\(url.port)"
            default:
                return state.map { "\(text) (SQLSTATE \($0))" } ?? text
            }
        }
        switch error.code {
        case .connectionError:
            let reason = error.underlying.map { "\($0)" } ?? "connection failed"
            return "cannot connect to \(url.host):\(url.port): \(reason)"
        case .authMechanismRequiresPassword:
            return "the server wants a password for user '\(url.user)'; give it in the URL, "
                + "PGPASSWORD or ~/.pgpass"
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return "the connection to \(url.host):\(url.port) was lost and could not be opened "
                + "again"
        default:
            return "PostgreSQL error (\(error.code))"
        }
    }
}
