import Foundation

/// Submits a batch script with `sbatch --parsable`, found on the `PATH` of `environment`.
public struct SlurmSubmitter: Sendable {
    /// The environment sbatch runs in, and passes on to the array's tasks.
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The `sbatch` that `PATH` names first, or nil.
    public var sbatch: String? {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.lazy.map { $0 + "/sbatch" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Submits `script` (a file); returns the job id sbatch prints.
    /// - Throws: ``SlurmError/sbatchMissing(script:)`` or ``SlurmError/sbatchRefused(script:status:message:)``
    ///   with what sbatch printed.
    public func submit(script: String) throws(SlurmError) -> String {
        guard let sbatch else { throw .sbatchMissing(script: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sbatch)
        process.arguments = ["--parsable", script]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw .sbatchRefused(script: script, status: -1, message: "\(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let printed = String(decoding: data, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // `--parsable` prints `JOBID` or `JOBID;CLUSTER`.
        let id = printed.split(separator: ";").first.map(String.init) ?? ""
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw .sbatchRefused(
                script: script, status: process.terminationStatus,
                message: printed.isEmpty ? "it printed nothing" : printed)
        }
        return id
    }
}
