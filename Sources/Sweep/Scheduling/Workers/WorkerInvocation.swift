import Foundation

/// Everything needed to start one trial's process: the embedded worker (`sweep-cli worker`
/// with the ``TrialConfig`` on stdin) or a command trainer's program.
public struct WorkerInvocation: Sendable, Equatable {
    /// The program (an absolute path) and its arguments.
    public var argv: [String]
    public var environment: [String: String]
    /// Written to the program's stdin, which is then closed.
    public var input: Data
    /// The folder the program starts in; nil keeps the orchestrator's.
    public var workdir: String?

    public init(
        argv: [String], environment: [String: String], input: Data = Data(),
        workdir: String? = nil
    ) {
        self.argv = argv
        self.environment = environment
        self.input = input
        self.workdir = workdir
    }
}
