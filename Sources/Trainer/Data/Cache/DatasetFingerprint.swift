import Foundation

/// What a dataset cache depends on, hashed: the settings, `data.yaml`, and the path, size and
/// modification time (to the nanosecond) of every image and label file. Any change to a file,
/// an added or removed image, or other settings give another fingerprint.
enum DatasetFingerprint {
    /// Bumped when the cache's contents would differ for the same files (format, decoding).
    static let version = "1"

    static func of(
        _ listing: YOLODatasetReader.Listing, imageSize: Int, resize: ResizeMode,
        skipCorrupt: Bool
    ) -> String {
        var hash = FNV1a()
        hash.add("v\(version) size \(imageSize) \(resize.rawValue) skip \(skipCorrupt)")
        hash.add(stamp(listing.dataFile))
        for (split, paths) in [("train", listing.train), ("val", listing.val)] {
            hash.add(split)
            for path in paths {
                hash.add(stamp(path))
                hash.add(stamp(YOLODatasetReader.labelPath(forImage: path)))
            }
        }
        return hash.hex
    }

    /// `path size mtime`, or `path -` when it cannot be stat'ed.
    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return path + " -" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
