import Foundation
import Sweep
import Testing

/// Writing an export onto a folder or under a file fails with words a user can act on.
struct ExportFileTests {
    private func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("export-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesAndCreatesParents() throws {
        let path = try scratch() + "/new/ranking.csv"
        try ExportFile.write("a,b\r\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\r\n")
    }

    @Test func ontoAFolderSaysSo() throws {
        let folder = try scratch()
        #expect(
            throws: ExportError.cannotWrite(
                path: folder, reason: "it is a folder; give a file name")
        ) { try ExportFile.write("x", to: folder) }
    }

    @Test func underAFileSaysWhichPartIsAFile() throws {
        let file = try scratch() + "/plain.txt"
        try "text".write(toFile: file, atomically: true, encoding: .utf8)
        let path = file + "/out.csv"
        #expect(
            throws: ExportError.cannotWrite(path: path, reason: "'\(file)' is a file, not a folder")
        ) { try ExportFile.write("x", to: path) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "text")
    }
}

/// Links, devices, FIFOs and write errors: an export never replaces what the path points to with
/// a regular file, and never reports success when the bytes did not land.
struct ExportFileTargetTests {
    private func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("export-target-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aLinkIsFollowedAndKept() throws {
        let folder = try scratch()
        let target = folder + "/target.csv"
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let link = folder + "/link.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try ExportFile.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func aDanglingLinkIsRefused() throws {
        let link = try scratch() + "/dangling.csv"
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: "/nonexistent-\(UUID().uuidString)/x.csv")
        #expect(
            throws: ExportError.cannotWrite(
                path: link,
                reason: "it is a symbolic link to a missing or unreachable file; remove it or "
                    + "give another path")
        ) { try ExportFile.write("x", to: link) }
    }

    @Test func aFIFOIsWrittenToAndStaysAFIFO() throws {
        let fifo = try scratch() + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = BlockingThread { () -> String in
            let handle = FileHandle(forReadingAtPath: fifo)
            let data = (try? handle?.readToEnd()) ?? nil
            return String(decoding: data ?? Data(), as: UTF8.self)
        }
        try ExportFile.write("through the pipe", to: fifo)
        #expect(reader.result() == "through the pipe")
        var info = stat()
        #expect(lstat(fifo, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
    }

    /// A FIFO whose reader closes without reading: an error naming the path, not SIGPIPE.
    @Test func aFIFOWithoutReaderFailsWithoutASignal() throws {
        let fifo = try scratch() + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = BlockingThread { close(open(fifo, O_RDONLY)) }
        let text = String(repeating: "x", count: 1 << 20)
        #expect(throws: ExportError.cannotWrite(path: fifo, reason: "Broken pipe")) {
            try ExportFile.write(text, to: fifo)
        }
        #expect(reader.result() == 0)
    }

    @Test(arguments: ["/dev/full", "/dev/null"])
    func aDeviceIsWrittenInPlace(device: String) throws {
        if device == "/dev/full" {
            #expect(
                throws: ExportError.cannotWrite(path: device, reason: "No space left on device")
            ) { try ExportFile.write("x", to: device) }
        } else {
            try ExportFile.write("x", to: device)
        }
        var info = stat()
        #expect(lstat(device, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func anExistingFileKeepsItsMode() throws {
        let path = try scratch() + "/ranking.csv"
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(chmod(path, 0o600) == 0)
        try ExportFile.write("new", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        #expect(leftovers == ["ranking.csv"])
    }
}

/// Runs `body` on its own thread (not the test's small cooperative pool, which a blocking FIFO
/// open would starve), so the test can wait for its result.
final class BlockingThread<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> T) {
        Thread {
            self.value = body()
            self.done.signal()
        }.start()
    }

    func result() -> T? {
        done.wait()
        return value
    }
}
