import Foundation

extension SweepSpec {
    /// Reads and validates the sweep file at `path`.
    ///
    /// Relative dataset paths inside the file are resolved against the file's folder.
    /// - Throws: ``SweepFileError`` naming the file, line, key and offending value of the first
    ///   mistake (or `fileNotFound` / `unreadable`).
    public static func load(path: String) throws(SweepFileError) -> SweepSpec {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SweepFileError(
                path: path, line: nil, column: nil, keyPath: "", value: nil, problem: .fileNotFound)
        }
        func unreadable(_ reason: String) -> SweepFileError {
            SweepFileError(
                path: path, line: nil, column: nil, keyPath: "", value: nil,
                problem: .unreadable(reason: reason))
        }
        guard !isDirectory.boolValue else { throw unreadable("it is a folder") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw unreadable(error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw unreadable("not UTF-8 text")
        }
        return try parse(text: text, path: path)
    }

    /// Validates a sweep file's text; `path` is used in error messages and to resolve relative
    /// dataset paths (its folder, or the current folder for a bare name).
    public static func parse(text: String, path: String) throws(SweepFileError) -> SweepSpec {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try SweepFileParser(text: text, path: path, baseDirectory: folder).parse()
    }
}
