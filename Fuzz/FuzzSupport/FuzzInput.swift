import Foundation

/// Turns libFuzzer's raw input into what the parsers take: bytes, text, parts and files.
public enum FuzzInput {
    /// Copies the `count` bytes at `pointer` (libFuzzer passes a null pointer for empty input).
    public static func bytes(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// The bytes before the first `separator` and, when it occurs, the bytes after it; lets one
    /// input carry two files (a `data.yaml` and a label file, ground truth and detections).
    public static func split(_ bytes: [UInt8], at separator: String) -> ([UInt8], [UInt8]?) {
        let marker = Array(separator.utf8)
        guard !marker.isEmpty, bytes.count >= marker.count else { return (bytes, nil) }
        for start in 0...(bytes.count - marker.count)
        where bytes[start..<(start + marker.count)].elementsEqual(marker) {
            return (Array(bytes[..<start]), Array(bytes[(start + marker.count)...]))
        }
        return (bytes, nil)
    }

    /// Writes `contents` to the file `name` in this process's scratch folder and returns its
    /// path, for parsers that only read from a path. The file is overwritten on every input.
    public static func file(named name: String, contents: [UInt8]) -> String {
        let path = scratchFolder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(contents)) else {
            stop("cannot write the scratch file \(path)")
        }
        return path
    }

    /// One folder per process under the system temporary folder, so parallel runs do not share.
    private static let scratchFolder: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-fuzz-\(getpid())").path
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            stop("cannot create the scratch folder \(folder): \(error)")
        }
        return folder
    }()

    /// Ends the run on a broken harness environment (not on fuzz input), exit status 2.
    static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz harness: \(message)\n".utf8))
        exit(2)
    }
}
