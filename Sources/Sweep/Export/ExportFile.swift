import Foundation
import Trainer

/// Writes an export (CSV, YAML) to disk.
public enum ExportFile {
    /// Writes `text` to `path` atomically (a reader never sees half a file), creating missing
    /// parent folders.
    public static func write(_ text: String, to path: String) throws(ExportError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(
                path: path, reason: WriteFailure.reason(path: path, error: error))
        }
    }
}
