import FuzzSupport
import Trainer

/// Fuzz target: the input as JPEG bytes through `ImageCodec.decodeJPEG`.
/// A thrown error is the expected answer to bad input; a crash, a sanitizer report, a hang or a
/// huge allocation is a finding (see `Tests/Fuzz/README.md`).
enum FuzzJPEG {
    static func handle(_ input: [UInt8]) {
        _ = try? ImageCodec.decodeJPEG(input, file: "fuzz.jpg")
    }
}

/// libFuzzer's entry point, called once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzJPEG.handle(FuzzInput.bytes(data, size))
    return 0
}

#if !FUZZING
    /// Without libFuzzer (a plain `swift build`) the target replays the files it is given.
    @main enum Replay {
        static func main() { FuzzReplay.run(FuzzJPEG.handle) }
    }
#endif
