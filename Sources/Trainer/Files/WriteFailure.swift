import Foundation

/// Plain words for why writing a file or folder failed, instead of Foundation's
/// "The operation could not be completed. (NSCocoaErrorDomain error 512.)".
public enum WriteFailure {
    /// The reason writing `path` failed with `error`: the path or one of its parents is the wrong
    /// kind of thing (a folder where a file goes, a file where a folder goes), else the system's
    /// own message (e.g. "No space left on device", "Read-only file system").
    public static func reason(path: String, error: any Error, expectingFolder: Bool = false)
        -> String
    {
        if let clash = kindClash(path: path, expectingFolder: expectingFolder) { return clash }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }

    private static func kindClash(path: String, expectingFolder: Bool) -> String? {
        var isFolder: ObjCBool = false
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue, !expectingFolder { return "it is a folder; give a file name" }
            if !isFolder.boolValue, expectingFolder { return "it is a file, not a folder" }
        }
        var parent = url.deletingLastPathComponent()
        while parent.path != "/" {
            if FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder) {
                return isFolder.boolValue ? nil : "'\(parent.path)' is a file, not a folder"
            }
            parent = parent.deletingLastPathComponent()
        }
        return nil
    }
}
