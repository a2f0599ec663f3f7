/// W&B's `command:` list expanded into an argument list with this project's `{parameter}`
/// placeholders: `${env}` → `/usr/bin/env`, `${interpreter}` → `python3`, `${program}` → the
/// `program:`, `${args}` → `--name={name}` per parameter, `${args_no_hyphens}` → `name={name}`
/// (W&B passes parameters as `--name=value`).
public enum WandBCommand {
    /// W&B's command when a file gives `program:` but no `command:`.
    public static let defaultTemplate = ["${env}", "${interpreter}", "${program}", "${args}"]

    /// What a macro stands for; `${args}` and `${args_no_hyphens}` must be whole items.
    static let env = "/usr/bin/env"
    /// W&B runs `python`; Debian 12 ships only `python3`.
    static let interpreter = "python3"

    /// The arguments of `template` with every macro expanded; `parameters` in file order.
    /// - Throws: ``WandBProblem/unsupportedMacro(reason:)`` naming the macro (`${args_json}`,
    ///   `${args_json_file}`, an unknown one, or `${program}` without a program).
    public static func arguments(
        template: [String], program: String?, parameters: [String]
    ) throws(WandBProblem) -> [String] {
        var arguments: [String] = []
        for item in template {
            switch item {
            case "${args}": arguments += parameters.map { "--\($0)={\($0)}" }
            case "${args_no_hyphens}": arguments += parameters.map { "\($0)={\($0)}" }
            default: arguments.append(try expand(item, program: program))
            }
        }
        return arguments
    }

    /// `item` with `${env}`, `${interpreter}` and `${program}` replaced wherever they occur.
    private static func expand(_ item: String, program: String?) throws(WandBProblem) -> String {
        var result = ""
        var rest = Substring(item)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw .unsupportedMacro(reason: "unclosed macro in \"\(item)\"")
            }
            let name = String(rest[start.upperBound..<end])
            switch name {
            case "env": result += env
            case "interpreter": result += interpreter
            case "program":
                guard let program else {
                    throw .unsupportedMacro(reason: "${program} used but no program: given")
                }
                result += program
            case "args", "args_no_hyphens":
                throw .unsupportedMacro(reason: "${\(name)} must be a whole command item")
            case "args_json", "args_json_file":
                throw .unsupportedMacro(
                    reason: "${\(name)} is not supported; use ${args} or ${args_no_hyphens}")
            default:
                throw .unsupportedMacro(
                    reason: "unknown macro ${\(name)} (use ${env}, ${interpreter}, ${program}, "
                        + "${args} or ${args_no_hyphens})")
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
