import Sweep
import Testing

/// Placeholder filling of command-trainer texts.
@Suite struct CommandTemplateTests {
    @Test func placeholdersAreFilledAndDoubledBracesAreLiteral() throws {
        let filled = try CommandTemplate.fill(
            "--lr={lr} {{\"seed\": {seed}}} {trial_dir}/p.json",
            ["lr": "0.01", "seed": "7", "trial_dir": "/r/t-0"])
        #expect(filled == #"--lr=0.01 {"seed": 7} /r/t-0/p.json"#)
    }

    @Test func namesAreListedInOrder() throws {
        #expect(try CommandTemplate.names(in: "{a}-{b}{{c}}{a}") == ["a", "b", "a"])
        #expect(try CommandTemplate.names(in: "plain") == [])
    }

    @Test(arguments: ["{lr", "lr}", "{a}}", "}{"])
    func unbalancedBracesAreRefused(text: String) {
        #expect(throws: CommandTemplate.Problem.unbalancedBrace) {
            try CommandTemplate.names(in: text)
        }
    }

    @Test func aNameWithoutAValueIsRefused() {
        #expect(throws: CommandTemplate.Problem.unknown(name: "lrr")) {
            try CommandTemplate.fill("{lrr}", ["lr": "1"])
        }
    }

    @Test func theValidNamesAreTheSearchedParametersThenTheFixedOnes() {
        #expect(
            CommandPlaceholder.names(searching: [Hyperparameter.loss, .lr])
                == ["lr", "loss", "epochs", "seed", "trial", "trial_dir", "sweep"])
    }
}
