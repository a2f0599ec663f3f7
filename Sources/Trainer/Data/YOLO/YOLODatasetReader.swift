import Foundation

/// Reads an Ultralytics/YOLO detection dataset (see ``YOLODataFile`` for `data.yaml`): the PNG and
/// JPEG images under each split's folders (recursively, sorted by path), each with its label file
/// found by the standard rule — the last `/images/` of the image path becomes `/labels/` and the
/// extension `.txt`. A missing label file means an image without objects, but a split where no
/// image has one is refused: that is a misplaced `labels/` folder, not a set of empty images. A
/// label path that exists but cannot be read as text (a symlink loop, a folder) is an error.
///
/// Images are resized (bilinear, aspect not kept) to `imageSize × imageSize` and boxes scaled
/// alike. With `skipCorrupt`, an undecodable image or a bad label line drops that image and is
/// returned as a warning; otherwise it is thrown.
public enum YOLODatasetReader {
    /// The dataset read and the problems skipped on the way.
    public struct Result: Sendable {
        public var split: DatasetSplit
        public var warnings: [DatasetError]
    }

    /// The image file extensions read (case-insensitive).
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg"]

    public static func read(dataFile: String, imageSize: Int, skipCorrupt: Bool)
        throws(DatasetError) -> Result
    {
        if let requirement = TrainingBounds.imageSize.violation(imageSize) {
            throw .invalidOption(key: "image_size", value: "\(imageSize)", expected: requirement)
        }
        let data = try YOLODataFile.read(dataFile)
        var warnings: [DatasetError] = []
        var splits: [DetectionDataset] = []
        let trainPaths = try imagePaths(data.train, key: "train", file: dataFile)
        let valPaths = try imagePaths(data.val, key: "val", file: dataFile)
        for (key, paths) in [("train", trainPaths), ("val", valPaths)] {
            var images: [DetectionImage] = []
            var labelled = 0
            for path in paths {
                do {
                    let read = try image(at: path, classCount: data.names.count, size: imageSize)
                    images.append(read.image)
                    labelled += read.hasLabelFile ? 1 : 0
                } catch  where skipCorrupt {
                    warnings.append(error)
                }
            }
            guard !images.isEmpty else { throw .noImages(key: key, file: dataFile) }
            guard labelled > 0 else {
                throw .noLabels(
                    key: key, file: dataFile, images: images.count,
                    example: labelPath(forImage: paths[0]))
            }
            splits.append(DetectionDataset(classNames: data.names, images: images))
        }
        return Result(split: DatasetSplit(train: splits[0], val: splits[1]), warnings: warnings)
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
    private static func image(at path: String, classCount: Int, size: Int)
        throws(DatasetError) -> (image: DetectionImage, hasLabelFile: Bool)
    {
        let decoded = try ImageCodec.decode(file: path)
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
                text, file: labels, classCount: classCount, width: size, height: size)
        }
        let pixels = ImageResizer.resize(
            decoded.chwPixels(), width: decoded.width, height: decoded.height, toWidth: size,
            height: size)
        let image = DetectionImage(width: size, height: size, pixels: pixels, objects: objects)
        return (image, hasLabelFile)
    }

    /// The sorted image files of a split's entries: folders (recursive) or `.txt` image lists
    /// (paths relative to the list's folder).
    private static func imagePaths(_ entries: [String], key: String, file: String)
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
