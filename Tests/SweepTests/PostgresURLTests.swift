import Foundation
import Testing

@testable import Sweep
@testable import SweepPostgres

@Suite struct PostgresURLTests {
    @Test func parsesEveryPartAndShowsItWithoutThePassword() throws {
        let url = try PostgresURL("postgres://alice:s3cr%40t@db.example:6543/sweeps")
        #expect(url.user == "alice")
        #expect(url.password == "s3cr@t")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "sweeps")
        #expect(url.description == "postgres://alice@db.example:6543/sweeps")
        #expect(try PostgresURL("postgresql://bob@h/d").port == 5432)
    }

    @Test(arguments: [
        ("postgres://alice:pw@host", "no DATABASE"),
        ("postgres://:pw@host/db", "no USER"),
        ("postgres://alice:pw@/db", "no HOST"),
        ("postgres://alice:pw@host:0/db", "port 0"),
    ])
    func badURLsNameTheMissingPartButNeverThePassword(text: String, reason: String) throws {
        let error = #expect(throws: StoreError.self) { try PostgresURL(text) }
        let message = error?.description ?? ""
        #expect(message.contains(reason))
        #expect(message.contains("postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"))
        #expect(!message.contains("pw"))
    }

    @Test func passwordComesFromTheEnvironmentThenFromPgpass() throws {
        let url = try PostgresURL("postgres://alice@db:5432/sweeps")
        #expect(url.resolvingPassword(environment: ["PGPASSWORD": "env"]).password == "env")
        try TemporaryFolder.with { folder in
            let file = folder.path("pgpass")
            try """
            # comment
            other:5432:sweeps:alice:wrong
            db:*:sweeps:alice:p\\:ss
            *:*:*:*:fallback

            """.write(toFile: file, atomically: true, encoding: .utf8)
            let environment = ["PGPASSFILE": file]
            #expect(url.resolvingPassword(environment: environment).password == "p:ss")
            var other = url
            other.user = "bob"
            #expect(other.resolvingPassword(environment: environment).password == "fallback")
            let given = try PostgresURL("postgres://alice:url@db/sweeps")
            #expect(given.resolvingPassword(environment: environment).password == "url")
        }
    }

    @Test func anUnreachableServerIsOneErrorNamingHostAndDatabase() throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let error = #expect(throws: StoreError.self) {
            _ = try PostgresTrialStore("postgres://alice:topsecret@127.0.0.1:1/sweeps")
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("postgres://alice@127.0.0.1:1/sweeps: cannot connect"))
        #expect(!message.contains("topsecret"))
    }
}
