import Foundation

extension CLIScratch {
    /// ``run(_:executable:)`` that waits for the exit without blocking a thread: the test's
    /// task is resumed by the process's termination handler, so many such tests at once leave
    /// the cooperative pool free for the tests that need it.
    func runAsync(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let log = path("cli-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CLIRun.binary())
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
