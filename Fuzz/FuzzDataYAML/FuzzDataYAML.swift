import FuzzSupport
@testable import Trainer

/// Fuzz target: a `data.yaml` through `YOLODataFile.read` and, after the line `#labels`, a
/// YOLO label file through `YOLOLabelParser.parse` with the class count the YAML gave (3 when
/// it was refused). Uses `@testable` (debug builds) because both parsers are internal.
/// A thrown error is the expected answer to bad input; a crash, a sanitizer report, a hang or a
/// huge allocation is a finding (see `Tests/Fuzz/README.md`).
enum FuzzDataYAML {
    /// Separates the `data.yaml` part of an input from its label file part.
    static let separator = "\n#labels\n"

    static func handle(_ input: [UInt8]) {
        let (yaml, labels) = FuzzInput.split(input, at: separator)
        let path = FuzzInput.file(named: "data.yaml", contents: yaml)
        let classCount = (try? YOLODataFile.read(path))?.names.count ?? 3
        guard let labels, let text = String(bytes: labels, encoding: .utf8) else { return }
        _ = try? YOLOLabelParser.parse(
            text, file: "fuzz-labels.txt", classCount: classCount, width: 64, height: 48)
    }
}

/// libFuzzer's entry point, called once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDataYAML.handle(FuzzInput.bytes(data, size))
    return 0
}

#if !FUZZING
    /// Without libFuzzer (a plain `swift build`) the target replays the files it is given.
    @main enum Replay {
        static func main() { FuzzReplay.run(FuzzDataYAML.handle) }
    }
#endif
