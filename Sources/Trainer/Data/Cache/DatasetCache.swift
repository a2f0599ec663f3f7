import Foundation

/// A folder of dataset caches: each YOLO dataset's images decoded and resized once per (image
/// size, resize mode, `skip_corrupt`) into one uint8 file that every trial maps read-only and
/// shared, instead of decoding the images again (see ``DatasetCacheFile`` for the format).
///
/// A cache is rebuilt when any image or label file (or `data.yaml`) changed size or
/// modification time, or images came or went (``DatasetFingerprint``), and rebuilt with a note
/// when it is damaged. Builders write a private temporary file and rename it into place, so
/// concurrent builders never leave a half-written cache.
public struct DatasetCache: Sendable {
    public var folder: String

    /// Where `sweep-cli` keeps caches unless `--cache` says otherwise.
    public static let defaultFolder = "results/cache"
    /// The environment variable that tells a trial worker the cache folder.
    public static let environmentKey = "SWEEP_DATASET_CACHE"

    /// Whether ``load(dataFile:imageSize:resize:skipCorrupt:note:)`` used a cache or built one.
    public enum Origin: Sendable, Equatable {
        case reused
        case built
    }

    /// A dataset read through the cache.
    public struct Loaded: Sendable {
        public var split: DatasetSplit
        /// The problems skipped while building (with `skipCorrupt`), as messages.
        public var warnings: [String]
        /// The cache file.
        public var path: String
        public var origin: Origin
    }

    public init(folder: String) {
        self.folder = folder
    }

    /// The cache file of a dataset and settings; its meta says which files it was built from.
    public func path(dataFile: String, imageSize: Int, resize: ResizeMode, skipCorrupt: Bool)
        -> String
    {
        let absolute = URL(fileURLWithPath: dataFile).standardizedFileURL
        let folderName = absolute.deletingLastPathComponent().lastPathComponent
        let stem = String(
            folderName.unicodeScalars.map {
                CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
                    ? Character($0) : "_"
            }.prefix(40))
        var hash = FNV1a()
        hash.add(absolute.path)
        let skip = skipCorrupt ? "-skip" : ""
        return folder + "/\(stem)-\(hash.hex)-\(imageSize)-\(resize.rawValue)\(skip).dscache"
    }

    /// Maps the dataset's cache, building it first when it is missing, stale or damaged (`note`
    /// gets one line saying why it rebuilds a stale or damaged one). Throws what reading the
    /// dataset throws, or a write error naming the cache file.
    public func load(
        dataFile: String, imageSize: Int, resize: ResizeMode, skipCorrupt: Bool,
        note: (String) -> Void = { _ in }
    ) throws(DatasetError) -> Loaded {
        let listing = try YOLODatasetReader.list(dataFile: dataFile)
        let fingerprint = DatasetFingerprint.of(
            listing, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt)
        let path = path(
            dataFile: dataFile, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt)
        switch DatasetCacheFile.read(path) {
        case .valid(let meta, let buffer) where meta.fingerprint == fingerprint:
            return Loaded(
                split: Self.split(meta, buffer), warnings: meta.warnings, path: path,
                origin: .reused)
        case .valid:
            note("\(path): images or labels changed since the cache was built; rebuilding it")
        case .damaged(let reason):
            note("\(path): the cache is damaged (\(reason)); rebuilding it")
        case .missing:
            break
        }
        try build(
            listing, fingerprint: fingerprint, imageSize: imageSize, resize: resize,
            skipCorrupt: skipCorrupt, path: path)
        switch DatasetCacheFile.read(path) {
        case .valid(let meta, let buffer):
            return Loaded(
                split: Self.split(meta, buffer), warnings: meta.warnings, path: path,
                origin: .built)
        case .missing:
            throw .writeFailed(path: path, reason: "the cache just built is gone")
        case .damaged(let reason):
            throw .writeFailed(
                path: path, reason: "the cache just built reads back damaged: \(reason)")
        }
    }

    private func build(
        _ listing: YOLODatasetReader.Listing, fingerprint: String, imageSize: Int,
        resize: ResizeMode, skipCorrupt: Bool, path: String
    ) throws(DatasetError) {
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(
                path: folder,
                reason: WriteFailure.reason(path: folder, error: error, expectingFolder: true))
        }
        let temporary = path + ".tmp-\(getpid())-\(UUID().uuidString)"
        try DatasetCacheFile.write(to: temporary) { writer throws(DatasetError) in
            var objects: [[[ObjectAnnotation]]] = [[], []]
            let warnings = try YOLODatasetReader.forEachImage(
                listing, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt
            ) { split, image throws(DatasetError) in
                try writer.append(image.bytes)
                objects[split].append(image.objects)
            }
            return DatasetCacheMeta(
                fingerprint: fingerprint, imageSize: imageSize, resize: resize,
                classNames: listing.classNames, train: objects[0], val: objects[1],
                warnings: warnings.map(\.description))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// The split whose images point into `buffer`, the mapped cache.
    private static func split(_ meta: DatasetCacheMeta, _ buffer: ByteBuffer) -> DatasetSplit {
        let size = meta.imageSize
        let imageBytes = 3 * size * size
        var offset = DatasetCacheFile.pixelOffset
        func images(_ objects: [[ObjectAnnotation]]) -> [DetectionImage] {
            objects.map { objects in
                let pixels = BytePixels(buffer: buffer, offset: offset, count: imageBytes)
                offset += imageBytes
                return DetectionImage(
                    width: size, height: size, storage: .bytes(pixels), objects: objects)
            }
        }
        let train = images(meta.train)
        let val = images(meta.val)
        return DatasetSplit(
            train: DetectionDataset(classNames: meta.classNames, images: train),
            val: DetectionDataset(classNames: meta.classNames, images: val))
    }
}
