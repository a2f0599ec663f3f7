import Foundation

/// Reads an Ultralytics/YOLO detection dataset (see ``YOLODataFile`` for `data.yaml`): the PNG and
/// JPEG images under each split's folders (recursively, sorted by path), each with its label file
/// found by the standard rule — the last `/images/` of the image path becomes `/labels/` and the
/// extension `.txt`. A missing label file means an image without objects, but a split where no
/// image has one is refused: that is a misplaced `labels/` folder, not a set of empty images. A
/// label path that exists but cannot be read as text (a symlink loop, a folder) is an error.
///
/// Images are resized to `imageSize × imageSize` as ``ResizeMode`` says (letterbox by default),
/// boxes alike, and kept as bytes (``ImagePixels/bytes(_:)``). With `skipCorrupt`, an
/// undecodable image or a bad label line drops that image and is returned as a warning;
/// otherwise it is thrown.
public enum YOLODatasetReader {
    /// The dataset read and the problems skipped on the way.
    public struct Result: Sendable {
        public var split: DatasetSplit
        public var warnings: [DatasetError]
    }

    /// A dataset's `data.yaml` and the image files of its splits, sorted as they are read.
    public struct Listing: Sendable {
        public var dataFile: String
        public var classNames: [String]
        public var train: [String]
        public var val: [String]
    }

    /// One image brought to the training size: planar CHW bytes and its objects there.
    public struct FittedImage: Sendable {
        public var bytes: [UInt8]
        public var objects: [ObjectAnnotation]
    }

    /// The image file extensions read (case-insensitive).
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg"]

    public static func read(
        dataFile: String, imageSize: Int, resize: ResizeMode = .letterbox, skipCorrupt: Bool
    ) throws(DatasetError) -> Result {
        let listing = try list(dataFile: dataFile)
        var images: [[DetectionImage]] = [[], []]
        let warnings = try forEachImage(
            listing, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt
        ) { split, fitted in
            images[split].append(
                DetectionImage(
                    width: imageSize, height: imageSize,
                    storage: .bytes(BytePixels(copying: fitted.bytes)), objects: fitted.objects))
        }
        let names = listing.classNames
        return Result(
            split: DatasetSplit(
                train: DetectionDataset(classNames: names, images: images[0]),
                val: DetectionDataset(classNames: names, images: images[1])),
            warnings: warnings)
    }

    /// Reads `data.yaml` and lists the image files of both splits.
    public static func list(dataFile: String) throws(DatasetError) -> Listing {
        let data = try YOLODataFile.read(dataFile)
        return Listing(
            dataFile: dataFile, classNames: data.names,
            train: try imagePaths(data.train, key: "train", file: dataFile),
            val: try imagePaths(data.val, key: "val", file: dataFile))
    }

    /// Decodes and fits every image of `listing`, train split (0) first, then val (1), and hands
    /// each to `body` with its split's index; returns the problems skipped. Throws what
    /// ``read(dataFile:imageSize:resize:skipCorrupt:)`` throws.
    public static func forEachImage(
        _ listing: Listing, imageSize: Int, resize: ResizeMode, skipCorrupt: Bool,
        _ body: (Int, FittedImage) throws(DatasetError) -> Void
    ) throws(DatasetError) -> [DatasetError] {
        if let requirement = TrainingBounds.imageSize.violation(imageSize) {
            throw .invalidOption(key: "image_size", value: "\(imageSize)", expected: requirement)
        }
        var warnings: [DatasetError] = []
        for (split, (key, paths)) in [("train", listing.train), ("val", listing.val)].enumerated() {
            var read = 0
            var labelled = 0
            for path in paths {
                let fitted: (image: FittedImage, hasLabelFile: Bool)
                do {
                    fitted = try image(
                        at: path, classCount: listing.classNames.count, size: imageSize,
                        resize: resize)
                } catch  where skipCorrupt {
                    warnings.append(error)
                    continue
                }
                try body(split, fitted.image)
                read += 1
                labelled += fitted.hasLabelFile ? 1 : 0
            }
            guard read > 0 else { throw .noImages(key: key, file: listing.dataFile) }
            guard labelled > 0 else {
                throw .noLabels(
                    key: key, file: listing.dataFile, images: read,
                    example: labelPath(forImage: paths[0]))
            }
        }
        return warnings
    }

    /// The label file of an image: the last `/images/` becomes `/labels/`, the extension `.txt`.
    public static func labelPath(forImage path: String) -> String {
        var labelled = path
        if let range = path.range(of: "/images/", options: .backwards) {
            labelled.replaceSubrange(range, with: "/labels/")
        }
        return (labelled as NSString).deletingPathExtension + ".txt"
    }

    /// One image and its objects, and whether it had a label file at all.
    private static func image(at path: String, classCount: Int, size: Int, resize: ResizeMode)
        throws(DatasetError) -> (image: FittedImage, hasLabelFile: Bool)
    {
        let decoded = try ImageCodec.decode(file: path)
        let fit = ImageFit(width: decoded.width, height: decoded.height, size: size, mode: resize)
        var objects: [ObjectAnnotation] = []
        let labels = labelPath(forImage: path)
        // Any entry at the label path counts, even one that cannot be opened (a symlink loop, a
        // dangling link, a folder): reading it then fails naming it, rather than the image
        // silently becoming one without objects.
        let hasLabelFile = (try? FileManager.default.attributesOfItem(atPath: labels)) != nil
        if hasLabelFile {
            guard let text = try? String(contentsOfFile: labels, encoding: .utf8) else {
                throw .unreadableFile(path: labels)
            }
            objects = try YOLOLabelParser.parse(
                text, file: labels, classCount: classCount, width: fit.contentWidth,
                height: fit.contentHeight)
        }
        return (
            FittedImage(bytes: fit.bytes(of: decoded), objects: fit.place(objects)), hasLabelFile
        )
    }

    /// The sorted image files of a split's entries: folders (recursive) or `.txt` image lists
    /// (paths relative to the list's folder).
    static func imagePaths(_ entries: [String], key: String, file: String)
        throws(DatasetError) -> [String]
    {
        let manager = FileManager.default
        var paths: [String] = []
        for entry in entries {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: entry, isDirectory: &isFolder) else {
                throw .missingFolder(path: entry, key: key, file: file)
            }
            if isFolder.boolValue {
                let found = (try? manager.subpathsOfDirectory(atPath: entry)) ?? []
                paths += found.map { entry + "/" + $0 }.filter(isImage).sorted()
            } else if entry.lowercased().hasSuffix(".txt") {
                guard let text = try? String(contentsOfFile: entry, encoding: .utf8) else {
                    throw .unreadableFile(path: entry)
                }
                let folder = URL(fileURLWithPath: entry).deletingLastPathComponent()
                paths += text.split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                    .map { URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL.path }
            } else if isImage(entry) {
                paths.append(entry)
            } else {
                throw .missingFolder(path: entry, key: key, file: file)
            }
        }
        return paths
    }

    private static func isImage(_ path: String) -> Bool {
        imageExtensions.contains((path as NSString).pathExtension.lowercased())
    }
}
