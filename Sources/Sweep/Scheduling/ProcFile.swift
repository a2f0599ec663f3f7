import Foundation

/// Reads files under `/proc`. They report size 0 and some (`maps`) arrive a page per read, so
/// they are read to the end rather than by their size as `FileManager.contents(atPath:)` does.
enum ProcFile {
    /// The whole file, or nil when it cannot be opened (no such process, no permission).
    static func contents(_ path: String) -> Data? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        return try? file.readToEnd() ?? Data()
    }
}
