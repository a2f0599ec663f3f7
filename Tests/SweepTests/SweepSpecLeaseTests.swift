import Testing

@testable import Sweep

/// The agents' `heartbeat:` and `lease:` sweep-file keys.
@Suite struct SweepSpecLeaseTests {
    private func text(_ extra: String) -> String {
        """
        name: leases
        method: grid
        parameters:
          lr: {values: [0.1]}
        \(extra)
        """
    }

    @Test func heartbeatAndLeaseAreDurations() throws {
        let spec = try SweepSpec.parse(text: text("heartbeat: 5s\nlease: 2m"), path: "s.yaml")
        #expect(spec.heartbeat == 5)
        #expect(spec.lease == 120)
        let plain = try SweepSpec.parse(text: text(""), path: "s.yaml")
        #expect(plain.heartbeat == nil && plain.lease == nil)
    }

    @Test func aBadLeaseNamesFileLineAndValue() throws {
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text("lease: soon"), path: "s.yaml")
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("s.yaml:5"))
        #expect(message.contains("soon"))
    }
}
