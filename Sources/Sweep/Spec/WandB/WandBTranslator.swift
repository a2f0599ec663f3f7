import Foundation
import Yams

/// Reads a W&B sweep file (recognised by its vocabulary: a `metric:` mapping, `program:`,
/// `command:`, `run_cap`, `early_terminate`, `entity` or `project`) into the node tree of a
/// native sweep file, keeping every node's line so errors still point into the user's file.
struct WandBTranslator {
    let nodes: SweepFileNodes

    /// Top-level keys that only W&B files use.
    static let markerKeys = [
        "program", "command", "run_cap", "early_terminate", "entity", "project",
    ]
    /// Top-level W&B keys with no meaning here.
    static let ignored = ["entity", "project", "description"]

    /// The keys that mark `root` as a W&B file, in file order; empty for a native file.
    static func markers(in root: Node) -> [String] {
        guard let mapping = root.mapping else { return [] }
        return mapping.compactMap { key, value in
            guard let key = key.string else { return nil }
            if key == "metric", value.mapping != nil { return key }
            return markerKeys.contains(key) ? key : nil
        }
    }

    /// `root` in this project's vocabulary; unchanged when it is not a W&B file.
    func translate(_ root: Node) throws(SweepFileError) -> WandBTranslation {
        let found = Self.markers(in: root)
        guard !found.isEmpty else { return WandBTranslation(root: root) }
        let entries = try nodes.mapping(root, "")
        let byKey = Dictionary(
            entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (wandb, native) in [
            ("metric", "objective"), ("run_cap", "max_trials"), ("early_terminate", "early_stop"),
        ] {
            if let entry = byKey[wandb], byKey[native] != nil {
                throw nodes.error(.wandb(.bothSpellings(native: native)), at: entry.keyNode, wandb)
            }
        }
        var notes = ["read as a W&B sweep file (recognised by \(found.joined(separator: ", ")))"]
        var pairs: [(Node, Node)] = []
        let method = byKey["method"].flatMap { $0.value.string }
        var parameterNames: [String] = []
        var epochs: (key: Node, value: Node)?
        for entry in entries {
            switch entry.key {
            case _ where Self.ignored.contains(entry.key):
                notes.append("\(entry.key): \(nodes.shown(entry.value)): no meaning here, ignored")
            case "program", "command":
                continue
            case "method":
                pairs.append(translateMethod(entry, notes: &notes))
            case "metric":
                pairs.append(try translateMetric(entry, notes: &notes))
            case "run_cap":
                if method == "grid" {
                    throw nodes.error(.wandb(.runCapWithGrid), at: entry.keyNode, entry.keyPath)
                }
                notes.append("run_cap: \(nodes.shown(entry.value)) → max_trials")
                pairs.append((renamed(entry, "max_trials"), entry.value))
            case "early_terminate":
                pairs.append(try translateEarlyTerminate(entry, notes: &notes))
            case "parameters":
                let (pair, names) = try translateParameters(entry, notes: &notes, epochs: &epochs)
                pairs.append(pair)
                parameterNames = names
            default:
                pairs.append((entry.keyNode, entry.value))
            }
        }
        if method == "random" || method == "bayes", byKey["run_cap"] == nil,
            byKey["max_trials"] == nil
        {
            throw nodes.error(.wandb(.runCapRequired), at: root, "run_cap")
        }
        if byKey["name"] == nil {
            let name = try nameFromPath(root)
            notes.append("name: none given → '\(name)' from the file's name")
            pairs.insert((scalar("name", at: root), scalar(name, at: root)), at: 0)
        }
        if let epochs {
            try addToTrainer(
                (scalar("epochs", at: epochs.key), epochs.value), to: &pairs,
                native: "trainer.epochs", keyPath: "parameters.epochs")
        }
        let program = try translateProgram(byKey, parameters: parameterNames)
        if let program {
            try addCommand(program, to: &pairs, notes: &notes)
        }
        let mark = root.mark
        return WandBTranslation(
            root: .mapping(Node.Mapping(pairs, .implicit, .any, mark)), notes: notes,
            program: program)
    }

    private func translateMethod(
        _ entry: SweepFileEntry, notes: inout [String]
    ) -> (Node, Node) {
        if entry.value.string == "bayes" {
            notes.append(
                "method: bayes → bayes (a Gaussian process, as W&B's; `method: tpe` is the other "
                    + "model-based search here)")
        } else {
            notes.append("method: \(nodes.shown(entry.value)) → the same method")
        }
        return (entry.keyNode, entry.value)
    }

    /// A sweep name from the file's name (`sweeps/wandb-bayes.yaml` → `wandb-bayes`).
    private func nameFromPath(_ root: Node) throws(SweepFileError) -> String {
        let stem = URL(fileURLWithPath: nodes.path).deletingPathExtension().lastPathComponent
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !stem.isEmpty, stem.count <= 100, !stem.hasPrefix("."),
            stem.allSatisfy(allowed.contains)
        else { throw nodes.error(.wandb(.noName), at: root, "name") }
        return stem
    }

    /// `program:` and `command:` as an argument list.
    private func translateProgram(
        _ byKey: [String: SweepFileEntry], parameters: [String]
    ) throws(SweepFileError) -> WandBTranslation.Program? {
        guard let anchor = byKey["program"] ?? byKey["command"] else { return nil }
        let program = try byKey["program"].map { entry throws(SweepFileError) in
            try nodes.text(entry.value, entry.keyPath)
        }
        var template = WandBCommand.defaultTemplate
        if let command = byKey["command"] {
            template = []
            for (index, item) in try nodes.list(command.value, command.keyPath).enumerated() {
                template.append(try nodes.text(item, "command[\(index)]"))
            }
        }
        let arguments: [String]
        do throws(WandBProblem) {
            arguments = try WandBCommand.arguments(
                template: template, program: program, parameters: parameters)
        } catch {
            let node = byKey["command"]?.value ?? anchor.value
            throw nodes.error(
                .wandb(error), at: node, byKey["command"] == nil ? "program" : "command")
        }
        return WandBTranslation.Program(arguments: arguments, keyNode: anchor.keyNode)
    }

    /// `program` as the `command:` of the `trainer:` block (made when the file has none): the
    /// trials run it as a command trainer, which reads JSON-lines metrics from its stdout unless
    /// `trainer:` names `predictions:`.
    private func addCommand(
        _ program: WandBTranslation.Program, to pairs: inout [(Node, Node)],
        notes: inout [String]
    ) throws(SweepFileError) {
        let at = program.keyNode
        let command = Node.sequence(
            Node.Sequence(program.arguments.map { scalar($0, at: at) }, .implicit, .flow, at.mark))
        try addToTrainer(
            (scalar("command", at: at), command), to: &pairs, native: "trainer.command",
            keyPath: at.string ?? "program")
        notes.append(
            "\(at.string ?? "program") → trainer.command: "
                + program.arguments.joined(separator: " ")
                + " (a command trainer: the program prints JSON-lines metrics on stdout, or "
                + "trainer: names predictions: and ground_truth:)")
    }

    /// Adds `entry` to the `trainer:` block (made when the file has none); a `trainer:` that
    /// already has the key is refused at the W&B key `keyPath` that made it (`native` names
    /// the key).
    private func addToTrainer(
        _ entry: (key: Node, value: Node), to pairs: inout [(Node, Node)], native: String,
        keyPath: String
    ) throws(SweepFileError) {
        let index = pairs.firstIndex { $0.0.string == "trainer" }
        var trainer = index.map { Self.pairs(pairs[$0].1) } ?? []
        if trainer.contains(where: { $0.0.string == entry.key.string }) {
            throw nodes.error(
                .wandb(.bothSpellings(native: native)), at: entry.key, keyPath)
        }
        trainer.append(entry)
        let mapping = Node.mapping(Node.Mapping(trainer, .implicit, .any, entry.key.mark))
        if let index {
            pairs[index].1 = mapping
        } else {
            pairs.append((scalar("trainer", at: entry.key), mapping))
        }
    }

    /// `entry`'s key spelled `key`, at the same place.
    func renamed(_ entry: SweepFileEntry, _ key: String) -> Node {
        scalar(key, at: entry.keyNode)
    }

    /// A plain scalar `text` located at `node`.
    func scalar(_ text: String, at node: Node) -> Node {
        .scalar(Node.Scalar(text, .implicit, .plain, node.mark))
    }
}
