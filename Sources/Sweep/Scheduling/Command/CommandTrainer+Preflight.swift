import Foundation
import Trainer

extension CommandTrainer {
    /// Checks, before any trial starts, that the program can start: its folder exists, a
    /// program named without placeholders is found (on `PATH` from the launcher's environment,
    /// or relative to ``workdir``), and a `ground_truth` file reads as COCO ground truth.
    func preflight(launcher: WorkerLauncher) throws(SchedulerError) {
        if case .predictions(_, let groundTruth) = metrics {
            do {
                _ = try COCOJSONReader.readGroundTruth(at: URL(fileURLWithPath: groundTruth))
            } catch {
                throw .invalidOption(
                    name: "trainer.ground_truth", value: groundTruth,
                    reason: "not a COCO ground truth: \(error)")
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workdir, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw .cannotStartWorker(
                command: command.joined(separator: " "), reason: "no such folder: \(workdir)")
        }
        guard let program = command.first,
            (try? CommandTemplate.names(in: program))?.isEmpty ?? false
        else { return }
        let path =
            environment["PATH"].flatMap { try? CommandTemplate.fill($0, [:]) }
            ?? launcher.environment()["PATH"]
        guard resolve(program, path: path) != nil else {
            throw .cannotStartWorker(
                command: program, reason: "no such executable file (in \(workdir) or on PATH)")
        }
    }
}
