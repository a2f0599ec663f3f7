import COCOEval
import Foundation

/// One split of a YOLO dataset as COCO ground truth, at the images' own pixel sizes: what a
/// command trainer's detections (Ultralytics' `save_json` among them) are scored against.
///
/// Image ids are the file stems when every stem of the split is a distinct whole number
/// (`000012.png` → 12, as Ultralytics writes them), else the position in the sorted image list
/// from 1. The category of class index `i` is `i + 1`; boxes are pixel `[x, y, w, h]`, clipped
/// to the image, with `area = w·h`; annotation ids count from 1.
public struct YOLOGroundTruth: Sendable, Equatable {
    /// One image: its id, file name and pixel size.
    public struct Image: Sendable, Equatable {
        public var id: Int
        public var fileName: String
        public var width: Int
        public var height: Int
    }

    public var images: [Image]
    /// The class names; class index `i` is category `i + 1`.
    public var classNames: [String]
    public var annotations: [COCOAnnotation]

    /// The dataset split `split` of the YOLO dataset described by `dataFile`.
    public static func read(dataFile: String, split: YOLOSplit) throws(DatasetError)
        -> YOLOGroundTruth
    {
        let data = try YOLODataFile.read(dataFile)
        let paths = try YOLODatasetReader.imagePaths(
            split == .train ? data.train : data.val, key: split.rawValue, file: dataFile)
        guard !paths.isEmpty else { throw .noImages(key: split.rawValue, file: dataFile) }
        let stems = paths.map { ($0 as NSString).lastPathComponent }
            .map { ($0 as NSString).deletingPathExtension }
        let numeric = stems.compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
            .filter { $0 >= 0 }
        let ids =
            numeric.count == stems.count && Set(numeric).count == numeric.count
            ? numeric : Array(1...paths.count)
        var truth = YOLOGroundTruth(images: [], classNames: data.names, annotations: [])
        for (path, id) in zip(paths, ids) {
            let image = try ImageCodec.decode(file: path)
            truth.images.append(
                Image(
                    id: id, fileName: (path as NSString).lastPathComponent, width: image.width,
                    height: image.height))
            let labels = YOLODatasetReader.labelPath(forImage: path)
            guard FileManager.default.fileExists(atPath: labels) else { continue }
            guard let text = try? String(contentsOfFile: labels, encoding: .utf8) else {
                throw .unreadableFile(path: labels)
            }
            let objects = try YOLOLabelParser.parse(
                text, file: labels, classCount: data.names.count, width: image.width,
                height: image.height)
            for object in objects {
                let box = COCOBox(
                    x: Double(object.box.x), y: Double(object.box.y),
                    width: Double(object.box.width), height: Double(object.box.height))
                truth.annotations.append(
                    COCOAnnotation(
                        id: truth.annotations.count + 1, imageID: id,
                        categoryID: object.classIndex + 1, box: box,
                        area: box.width * box.height))
            }
        }
        return truth
    }

    /// The COCO ground-truth JSON (`images` with `file_name`, `width`, `height`; `categories`
    /// with the class names; `annotations`), which ``COCOJSONReader`` and pycocotools read.
    public func json() -> String {
        var text = #"{"images":["#
        text += images.map { image in
            #"{"id":\#(image.id),"file_name":\#(Self.quoted(image.fileName)),"#
                + #""width":\#(image.width),"height":\#(image.height)}"#
        }.joined(separator: ",\n")
        text += #"],"categories":["#
        text += classNames.enumerated().map { index, name in
            #"{"id":\#(index + 1),"name":\#(Self.quoted(name))}"#
        }.joined(separator: ",")
        text += #"],"annotations":["#
        text += annotations.map { annotation in
            let box = annotation.box
            return #"{"id":\#(annotation.id),"image_id":\#(annotation.imageID),"#
                + #""category_id":\#(annotation.categoryID),"#
                + #""bbox":[\#(box.x),\#(box.y),\#(box.width),\#(box.height)],"#
                + #""area":\#(annotation.area),"iscrowd":0}"#
        }.joined(separator: ",\n")
        return text + "]}\n"
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A split of a YOLO dataset.
public enum YOLOSplit: String, Sendable, CaseIterable {
    case train, val
}
