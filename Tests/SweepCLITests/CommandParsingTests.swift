import ArgumentParser
import Testing
@testable import sweep_cli

@Suite struct CommandParsingTests {
    @Test func rootListsTheSubcommands() {
        let names = SweepCLI.configuration.subcommands.map { $0._commandName }
        #expect(names.contains("run"))
        #expect(names.contains("train"))
        #expect(names.contains("eval"))
    }
}
