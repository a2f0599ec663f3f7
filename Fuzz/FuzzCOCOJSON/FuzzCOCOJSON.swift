import Foundation
import FuzzSupport
import Trainer

/// Fuzz target: a COCO ground-truth file through `COCOJSONReader.readGroundTruth` and, after the
/// line `#detections`, a results list through `COCOJSONReader.readDetections` against that
/// ground truth (or a fixed small one when it was refused). Both readers only read from a path.
/// A thrown error is the expected answer to bad input; a crash, a sanitizer report, a hang or a
/// huge allocation is a finding (see `Tests/Fuzz/README.md`).
enum FuzzCOCOJSON {
    /// Separates the ground-truth part of an input from its detections part.
    static let separator = "\n#detections\n"

    /// Used for the detections when the input's own ground truth is refused: images 1 and 2,
    /// categories 1 and 2, one annotation. Read once per process.
    static let fallbackGroundTruth: COCOGroundTruth? = {
        let json = #"""
            {"images":[{"id":1,"width":64,"height":48},{"id":2,"width":32,"height":32}],
             "categories":[{"id":1,"name":"a"},{"id":2,"name":"b"}],
             "annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[1,2,3,4],"area":12}]}
            """#
        let file = FuzzInput.file(named: "fallback.json", contents: Array(json.utf8))
        return try? COCOJSONReader.readGroundTruth(at: URL(fileURLWithPath: file))
    }()

    static func handle(_ input: [UInt8]) {
        let (truthBytes, detectionBytes) = FuzzInput.split(input, at: separator)
        let truthFile = FuzzInput.file(named: "ground-truth.json", contents: truthBytes)
        let groundTruth =
            (try? COCOJSONReader.readGroundTruth(at: URL(fileURLWithPath: truthFile)))
            ?? fallbackGroundTruth
        guard let groundTruth, let detectionBytes else { return }
        let detectionFile = FuzzInput.file(named: "detections.json", contents: detectionBytes)
        _ = try? COCOJSONReader.readDetections(
            at: URL(fileURLWithPath: detectionFile), groundTruth: groundTruth)
    }
}

/// libFuzzer's entry point, called once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCOCOJSON.handle(FuzzInput.bytes(data, size))
    return 0
}

#if !FUZZING
    /// Without libFuzzer (a plain `swift build`) the target replays the files it is given.
    @main enum Replay {
        static func main() { FuzzReplay.run(FuzzCOCOJSON.handle) }
    }
#endif
