import Foundation

/// Writes a dataset in the Ultralytics/YOLO layout that ``YOLODatasetReader`` and
/// `yolo detect train data=DIR/data.yaml` read: `DIR/data.yaml`, `DIR/images/{train,val}/*.png`
/// (8-bit RGB) and `DIR/labels/{train,val}/*.txt` (`class cx cy w h`, normalised, 6 decimals).
public enum YOLODatasetWriter {
    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var dataFile: String
        public var trainImages: Int
        public var valImages: Int
        public var objects: Int
    }

    /// Writes `split` under `directory`, which must be absent (it is created) or empty, so no
    /// image of an earlier export lies beside the new ones. `data.yaml` has no `path:` key: the
    /// dataset root is then the folder holding `data.yaml`, for ``YOLODataFile`` and for
    /// Ultralytics alike, so a copied or moved dataset reads its own images (an absolute `path`
    /// would read the original; a relative one Ultralytics resolves against its datasets folder).
    @discardableResult
    public static func write(_ split: DatasetSplit, to directory: String)
        throws(DatasetError) -> Summary
    {
        try write(
            classNames: split.train.classNames,
            counts: (split.train.images.count, split.val.images.count), to: directory
        ) { isTrain, index in
            (isTrain ? split.train : split.val).images[index]
        }
    }

    /// Writes `counts.train` train and `counts.val` val images made by `image` (`true` for the
    /// train split, and the index) on every core, each image made, written and dropped by one
    /// iteration, so only about one image per core is in memory at once. The files do not
    /// depend on the order; of several failures the one of the first image is thrown.
    @discardableResult
    public static func write(
        classNames: [String], counts: (train: Int, val: Int), to directory: String,
        image: @Sendable (Bool, Int) -> DetectionImage
    ) throws(DatasetError) -> Summary {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: root),
            !entries.isEmpty
        {
            throw .destinationNotEmpty(path: root, entries: entries.count)
        }
        var objects = 0
        for (name, count) in [("train", counts.train), ("val", counts.val)] {
            let images = root + "/images/" + name
            let labels = root + "/labels/" + name
            try makeFolder(images)
            try makeFolder(labels)
            var written = [Result<Int, DatasetError>?](repeating: nil, count: count)
            written.withUnsafeMutableBufferPointer { buffer in
                // Each iteration writes only its own slot.
                nonisolated(unsafe) let output = buffer
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    let made = image(name == "train", index)
                    let stem = String(format: "%06d", index)
                    output[index] = Result { () throws(DatasetError) -> Int in
                        try ImageCodec.writePNG(
                            RGBImage(chw: made.pixels, width: made.width, height: made.height),
                            to: images + "/" + stem + ".png")
                        try write(labelText(made), to: labels + "/" + stem + ".txt")
                        return made.objects.count
                    }
                }
            }
            for result in written {
                objects += try result!.get()
            }
        }
        let dataFile = root + "/data.yaml"
        try write(dataYAML(names: classNames), to: dataFile)
        return Summary(
            dataFile: dataFile, trainImages: counts.train, valImages: counts.val,
            objects: objects)
    }

    /// The label file text of one image.
    static func labelText(_ image: DetectionImage) -> String {
        let w = Float(image.width)
        let h = Float(image.height)
        return image.objects.map { object in
            let b = object.box
            let fields = [
                (b.x + b.width / 2) / w, (b.y + b.height / 2) / h, b.width / w,
                b.height / h,
            ].map { String(format: "%.6f", $0) }
            return ([String(object.classIndex)] + fields).joined(separator: " ") + "\n"
        }.joined()
    }

    private static func dataYAML(names: [String]) -> String {
        var text = "train: images/train\nval: images/val\n"
        text += "nc: \(names.count)\nnames:\n"
        for (index, name) in names.enumerated() {
            text += "  \(index): \(quoted(name))\n"
        }
        return text
    }

    private static func quoted(_ string: String) -> String {
        "'" + string.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func makeFolder(_ path: String) throws(DatasetError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true)
        } catch {
            let reason = WriteFailure.reason(path: path, error: error, expectingFolder: true)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    private static func write(_ text: String, to path: String) throws(DatasetError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .writeFailed(
                path: path, reason: WriteFailure.reason(path: path, error: error))
        }
    }
}
