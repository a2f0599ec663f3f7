import Foundation

extension CommandTrainer {
    /// `validate`'s lines for a command trainer: the command of the first trial (planned or
    /// proposed) with its placeholders filled in (trial folder under the default database's
    /// folder), the folder it runs in, its environment and where its metrics come from.
    func summary(spec: SweepSpec) -> [(label: String, value: String)] {
        var lines: [(label: String, value: String)] = []
        // A model-based sweep plans only its initial configs; its first proposal otherwise.
        if let first = spec.planTrials().first ?? (try? spec.proposeTrial(history: [])) {
            let root = WorkerLauncher.defaultTrialsRoot(database: SQLiteTrialStore.defaultPath)
            let folder = Self.trialDirectory(root: root, sweep: spec.name, index: first.index)
            let values = Self.values(
                for: first, sweep: spec.name, trialDirectory: folder,
                searched: spec.parameters.keys)
            if let filled = try? filled(values) {
                lines.append(("command", "\(Self.shellWords(filled.command)) (trial 0)"))
                for (name, value) in filled.environment.sorted(by: { $0.key < $1.key }) {
                    lines.append(("env", "\(name)=\(Self.shellWords([value]))"))
                }
            }
        }
        if lines.isEmpty {
            lines.append(("command", Self.shellWords(command)))
        }
        lines.append(("workdir", workdir))
        switch metrics {
        case .stdout:
            lines.append(("metrics", "stdout (epoch/result/error JSON lines)"))
        case .predictions(let file, let groundTruth):
            lines.append(("metrics", "COCO detections in \(file), scored against \(groundTruth)"))
        }
        return lines
    }

    /// `words` as a shell would take them: words with spaces or quotes in single quotes.
    static func shellWords(_ words: [String]) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        return words.map { word in
            !word.isEmpty && word.allSatisfy(plain.contains)
                ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }
}
