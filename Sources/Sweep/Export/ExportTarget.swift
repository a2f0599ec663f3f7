import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an export really goes once links are followed, and the checks that keep an export from
/// overwriting the sweep database or another output of the same command.
struct ExportTarget {
    enum Kind: Equatable {
        /// Nothing there yet: a new regular file is created.
        case missing
        /// A regular file with this mode, replaced atomically.
        case regularFile(mode_t)
        /// A character device or FIFO, written to in place.
        case stream
    }

    /// The path to write, symbolic links resolved.
    let path: String
    let kind: Kind

    /// Follows `path`'s links; refuses folders, sockets, block devices and dangling links.
    static func resolve(_ path: String) throws(ExportError) -> ExportTarget {
        func refuse(_ reason: String) -> ExportError { .cannotWrite(path: path, reason: reason) }
        var link = stat()
        guard lstat(path, &link) == 0 else { return ExportTarget(path: path, kind: .missing) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw refuse(
                "it is a symbolic link to a missing or unreachable file; remove it "
                    + "or give another path")
        }
        let resolved =
            realpath(path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? path
        switch info.st_mode & S_IFMT {
        case S_IFREG: return ExportTarget(path: resolved, kind: .regularFile(info.st_mode & 0o7777))
        case S_IFCHR, S_IFIFO: return ExportTarget(path: resolved, kind: .stream)
        case S_IFDIR: throw refuse("it is a folder; give a file name")
        default: throw refuse("it is not a regular file, character device or FIFO")
        }
    }

    /// Throws when an output resolves (links, `..`, hard links) to the database at `database`,
    /// one of its companion files (`-wal`, `-shm`, `-journal`, `.lock`), or another output.
    /// - Parameter outputs: each output's option name (for the message) and path.
    static func checkDistinct(
        _ outputs: [(option: String, path: String)], database: String
    ) throws(ExportError) {
        let databaseFiles = [database, realPath(database)].flatMap { base in
            ["", "-wal", "-shm", "-journal", ".lock"].map { base + $0 }
        }
        let protected = databaseFiles.map { (path: $0, identity: identity($0)) }
        var seen: [(option: String, path: String, identity: FileIdentity)] = []
        for output in outputs {
            let target = identity(output.path)
            if let hit = protected.first(where: { $0.identity == target }) {
                throw .overwritesDatabase(path: output.path, option: output.option, file: hit.path)
            }
            if let earlier = seen.first(where: { $0.identity == target }) {
                throw .sameOutput(
                    path: output.path, option: output.option, otherOption: earlier.option)
            }
            seen.append((output.option, output.path, target))
        }
    }

    /// What a path names: an existing file by device and inode (so links and hard links match),
    /// a file still to be created by its absolute path with links in its folders resolved.
    enum FileIdentity: Equatable {
        case inode(device: UInt64, inode: UInt64)
        case path(String)
    }

    static func identity(_ path: String) -> FileIdentity {
        var info = stat()
        if stat(path, &info) == 0 {
            return .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = realPath(url.deletingLastPathComponent().path)
        return .path(
            URL(fileURLWithPath: folder).appendingPathComponent(url.lastPathComponent).path)
    }

    /// `path` with every link resolved, or `path` itself when it does not exist.
    private static func realPath(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else {
            return URL(fileURLWithPath: path).standardizedFileURL.path
        }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
