import Foundation

@testable import Trainer

/// Writes tiny YOLO datasets for the fitting and cache tests: one image (train and val share
/// it) with one white box on black, labelled.
enum TinyYOLODataset {
    /// A `width × height` black image with a white rectangle over `box` (whole pixels).
    static func image(width: Int, height: Int, box: BoundingBox) -> RGBImage {
        var bytes = [UInt8](repeating: 0, count: 3 * width * height)
        for y in Int(box.y)..<Int(box.y + box.height) {
            for x in Int(box.x)..<Int(box.x + box.width) {
                for c in 0..<3 { bytes[3 * (y * width + x) + c] = 255 }
            }
        }
        return RGBImage(width: width, height: height, bytes: bytes)
    }

    /// Writes the dataset under a fresh scratch folder; returns its `data.yaml` path.
    static func write(width: Int, height: Int, box: BoundingBox) throws -> String {
        let root = try TestFiles.scratchFolder()
        let w = Float(width)
        let h = Float(height)
        let label = String(
            format: "0 %.6f %.6f %.6f %.6f\n", (box.x + box.width / 2) / w,
            (box.y + box.height / 2) / h, box.width / w, box.height / h)
        for split in ["train", "val"] {
            for kind in ["images", "labels"] {
                try FileManager.default.createDirectory(
                    atPath: "\(root)/\(kind)/\(split)", withIntermediateDirectories: true)
            }
            try ImageCodec.writePNG(
                image(width: width, height: height, box: box),
                to: "\(root)/images/\(split)/a.png")
            try label.write(
                toFile: "\(root)/labels/\(split)/a.txt", atomically: true, encoding: .utf8)
        }
        let dataFile = root + "/data.yaml"
        try "train: images/train\nval: images/val\nnames: [box]\n".write(
            toFile: dataFile, atomically: true, encoding: .utf8)
        return dataFile
    }
}
