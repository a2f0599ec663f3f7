/// What a running worker process produces, in order: its stdout lines, then one `.exit`.
public enum WorkerOutput: Sendable, Equatable {
    /// One stdout line, without the newline.
    case line(String)
    /// The process ended; `stderrTail` holds its last stderr lines (for failure reasons),
    /// preceded by its first error-like line when that is older.
    case exit(WorkerExit, stderrTail: [String])
}
