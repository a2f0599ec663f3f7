import Foundation

/// The on-disk form of a dataset cache. Layout (integers little-endian `UInt64`):
///
/// - bytes 0–63, the header: the magic `SWPDSC01`, then the pixel offset (always 4096), the
///   pixel length, the meta offset, the meta length, FNV-1a of the meta bytes, and FNV-1a of
///   header bytes 0–55;
/// - from 4096 (page-aligned, so it maps directly): each image's planar CHW bytes
///   (`3 × size × size`), the train split's first, then the val split's;
/// - then ``DatasetCacheMeta`` as JSON, which ends the file.
///
/// A file is used only when every field agrees with the file's length and with each other and
/// both checksums match; anything else is reported as damage, never trusted.
enum DatasetCacheFile {
    static let magic = Array("SWPDSC01".utf8)
    static let headerSize = 64
    static let pixelOffset = 4096
    /// The largest meta section read (objects of ~10 million images).
    static let metaLimit = 1 << 30

    /// What opening a cache file found.
    enum Opened {
        /// A valid cache: its meta and a read-only shared mapping of the whole file.
        case valid(DatasetCacheMeta, ByteBuffer)
        case missing
        /// Unusable, and why (truncated, checksum mismatch, not a cache file, …).
        case damaged(String)
    }

    /// Opens and checks the cache at `path`, mapping it read-only (`MAP_SHARED`) when valid.
    static func read(_ path: String) -> Opened {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return errno == ENOENT ? .missing : .damaged("cannot open: \(describeErrno())")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .damaged("cannot stat: \(describeErrno())") }
        let size = Int(info.st_size)
        guard size >= pixelOffset else {
            return .damaged("truncated: \(size) bytes, shorter than the \(pixelOffset)-byte header")
        }
        guard let header = readBytes(fd, at: 0, count: headerSize) else {
            return .damaged("cannot read the header: \(describeErrno())")
        }
        guard Array(header[0..<8]) == magic else { return .damaged("not a dataset cache file") }
        let field = { (index: Int) in word(header, at: 8 * index) }
        var headerHash = FNV1a()
        header[0..<56].withUnsafeBytes { headerHash.add($0) }
        guard headerHash.value == field(7) else { return .damaged("header checksum mismatch") }
        let (pixels, pixelLength, metaOffset, metaLength) = (field(1), field(2), field(3), field(4))
        guard pixels == UInt64(pixelOffset) else { return .damaged("pixel offset \(pixels)") }
        let (pixelEnd, overflowA) = pixels.addingReportingOverflow(pixelLength)
        let (end, overflowB) = metaOffset.addingReportingOverflow(metaLength)
        guard !overflowA, !overflowB, metaOffset == pixelEnd, metaLength <= UInt64(metaLimit)
        else {
            return .damaged("inconsistent header offsets")
        }
        guard end == UInt64(size) else {
            return .damaged(
                "truncated or extended: the header says \(end) bytes, the file has \(size)")
        }
        guard let metaBytes = readBytes(fd, at: Int(metaOffset), count: Int(metaLength)) else {
            return .damaged("cannot read the meta: \(describeErrno())")
        }
        var metaHash = FNV1a()
        metaBytes.withUnsafeBytes { metaHash.add($0) }
        guard metaHash.value == field(5) else { return .damaged("meta checksum mismatch") }
        guard let meta = try? JSONDecoder().decode(DatasetCacheMeta.self, from: Data(metaBytes))
        else {
            return .damaged("meta is not valid JSON")
        }
        if let problem = meta.problem { return .damaged(problem) }
        let imageBytes = 3 * meta.imageSize * meta.imageSize
        let (expected, overflowC) = (meta.train.count + meta.val.count)
            .multipliedReportingOverflow(by: imageBytes)
        guard !overflowC, UInt64(expected) == pixelLength else {
            return .damaged(
                "\(pixelLength) pixel bytes for \(meta.train.count + meta.val.count) images of "
                    + "\(meta.imageSize)²")
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), mapped != MAP_FAILED
        else {
            return .damaged("cannot map: \(describeErrno())")
        }
        return .valid(meta, ByteBuffer(mapping: UnsafeRawPointer(mapped), count: size))
    }

    /// Writes a cache file at `path`, which must not exist: `fill` appends every image's
    /// bytes through the ``Writer`` and returns the meta. On failure the file is removed.
    static func write(
        to path: String, _ fill: (inout Writer) throws(DatasetError) -> DatasetCacheMeta
    ) throws(DatasetError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: describeErrno()) }
        var writer = Writer(fd: fd, path: path)
        do throws(DatasetError) {
            try writer.append([UInt8](repeating: 0, count: pixelOffset))
            let meta = try fill(&writer)
            let pixelLength = UInt64(writer.offset - pixelOffset)
            let metaOffset = UInt64(writer.offset)
            let metaBytes: [UInt8]
            do {
                metaBytes = Array(try JSONEncoder().encode(meta))
            } catch {
                throw .writeFailed(path: path, reason: "cannot encode the meta: \(error)")
            }
            try writer.append(metaBytes)
            var metaHash = FNV1a()
            metaBytes.withUnsafeBytes { metaHash.add($0) }
            var header = magic
            for value in [
                UInt64(pixelOffset), pixelLength, metaOffset, UInt64(metaBytes.count),
                metaHash.value,
            ] {
                header += bytes(of: value)
            }
            header += [UInt8](repeating: 0, count: 8)
            var headerHash = FNV1a()
            header.withUnsafeBytes { headerHash.add($0) }
            header += bytes(of: headerHash.value)
            try writer.write(header, at: 0)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else {
            let reason = describeErrno()
            unlink(path)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Appends bytes to a cache file being written.
    struct Writer {
        let fd: Int32
        let path: String
        private(set) var offset = 0

        init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
        }

        mutating func append(_ bytes: [UInt8]) throws(DatasetError) {
            try write(bytes, at: offset)
            offset += bytes.count
        }

        func write(_ bytes: [UInt8], at start: Int) throws(DatasetError) {
            var done = 0
            while done < bytes.count {
                let written = bytes.withUnsafeBytes {
                    pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(start + done))
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw .writeFailed(path: path, reason: describeErrno())
                }
                done += written
            }
        }
    }

    private static func readBytes(_ fd: Int32, at start: Int, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = buffer.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + done, count - done, off_t(start + done))
            }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return nil }
            done += read
        }
        return buffer
    }

    private static func word(_ bytes: [UInt8], at start: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
    }

    private static func bytes(of value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}
