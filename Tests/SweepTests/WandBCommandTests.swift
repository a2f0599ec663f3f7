import Testing

@testable import Sweep

@Suite struct WandBCommandTests {
    @Test func theDefaultCommandPassesEveryParameterAsNameEqualsValue() throws {
        let arguments = try WandBCommand.arguments(
            template: WandBCommand.defaultTemplate, program: "train.py",
            parameters: ["lr", "batch_size"])
        #expect(
            arguments == [
                "/usr/bin/env", "python3", "train.py", "--lr={lr}", "--batch_size={batch_size}",
            ])
    }

    @Test func argsNoHyphensAndFixedItemsAndAMacroInsideAnItem() throws {
        let arguments = try WandBCommand.arguments(
            template: ["${env}", "python", "--script=${program}", "-b", "${args_no_hyphens}"],
            program: "main.py", parameters: ["loss"])
        #expect(arguments == ["/usr/bin/env", "python", "--script=main.py", "-b", "loss={loss}"])
    }

    @Test func aCommandWithoutArgsPassesNoParameters() throws {
        let arguments = try WandBCommand.arguments(
            template: ["${env}", "${interpreter}", "${program}"], program: "t.py",
            parameters: ["lr"])
        #expect(arguments == ["/usr/bin/env", "python3", "t.py"])
    }

    @Test(arguments: [
        ("${args_json}", "${args_json} is not supported"),
        ("${args_json_file}", "${args_json_file} is not supported"),
        ("${envvar:HOME}", "unknown macro ${envvar:HOME}"),
        ("--x=${args}", "${args} must be a whole command item"),
        ("${program", "unclosed macro"),
    ])
    func unsupportedMacrosAreRefusedByName(item: String, message: String) {
        let error = #expect(throws: WandBProblem.self) {
            try WandBCommand.arguments(template: [item], program: "t.py", parameters: ["lr"])
        }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func programWithoutAProgramIsRefused() {
        #expect(
            throws: WandBProblem.unsupportedMacro(reason: "${program} used but no program: given")
        ) {
            try WandBCommand.arguments(template: ["${program}"], program: nil, parameters: [])
        }
    }
}
