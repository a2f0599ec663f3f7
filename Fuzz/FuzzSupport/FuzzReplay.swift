import Foundation

/// The entry of a fuzz target built without libFuzzer (plain `swift build`): runs the target's
/// input handler once on every file named on the command line (a folder: every file in it,
/// sorted) and prints one line per file. A crash ends the process, as it would under libFuzzer.
public enum FuzzReplay {
    /// Replays `CommandLine.arguments` through `handle`; exit status 2 on a missing file or
    /// when no file is given.
    public static func run(_ handle: ([UInt8]) -> Void) {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FuzzInput.stop("usage: \(CommandLine.arguments[0]) FILE_OR_FOLDER...")
        }
        for path in arguments.flatMap(files) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FuzzInput.stop("cannot read \(path)")
            }
            handle(Array(data))
            print("replayed \(path)")
        }
    }

    /// `path` itself, or the regular files directly inside it when it is a folder.
    private static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
            isFolder.boolValue
        else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter { name in
            var isSubfolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: name, isDirectory: &isSubfolder)
                && !isSubfolder.boolValue
        }
    }
}
