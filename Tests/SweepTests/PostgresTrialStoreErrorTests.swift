import Foundation
import Testing

@testable import Sweep
@testable import SweepPostgres

/// Connection failures on a real server (`SWEEP_TEST_POSTGRES_URL`): one clear error naming host
/// and database, never the password, nothing written.
@Suite struct PostgresTrialStoreErrorTests {
    private func message(_ body: () throws -> Void) -> String {
        let error = #expect(throws: StoreError.self) { try body() }
        return error?.description ?? ""
    }

    @Test func aWrongPasswordIsRefusedWithoutShowingIt() throws {
        try PostgresTestServer.withDatabase { url in
            var wrong = url
            wrong.password = "not-the-password"
            let text = message { _ = try PostgresTrialStore(url: wrong) }
            #expect(text.hasPrefix("\(url.description): authentication failed"))
            #expect(!text.contains("not-the-password"))
        }
    }

    @Test func aMissingDatabaseIsNamed() throws {
        try PostgresTestServer.withDatabase { url in
            var missing = url
            missing.database = url.database + "_missing"
            let text = message { _ = try PostgresTrialStore(url: missing) }
            #expect(text.contains("database '\(missing.database)' does not exist"))
        }
    }

    @Test func aReaderRefusesADatabaseWithoutTheSchemaAndCreatesNothing() throws {
        try PostgresTestServer.withDatabase { url in
            let text = message { _ = try PostgresTrialStore(url: url, createSchema: false) }
            #expect(text.hasPrefix("\(url.description): database without the sweep tables"))
            let session = try PostgresSession(url: url)
            defer { session.close() }
            #expect(try !PostgresMigrations.hasSchema(session))
        }
    }
}
