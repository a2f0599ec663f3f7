import FuzzSupport
import Sweep

/// Fuzz target: the input as a sweep file's text through `SweepSpec.parse(text:path:)`
/// (what `SweepSpec.load(path:)` does after reading a UTF-8 file; other bytes are skipped).
/// A thrown error is the expected answer to bad input; a crash, a sanitizer report, a hang or a
/// huge allocation is a finding (see `Tests/Fuzz/README.md`).
enum FuzzSweepSpec {
    static func handle(_ input: [UInt8]) {
        guard let text = String(bytes: input, encoding: .utf8) else { return }
        _ = try? SweepSpec.parse(text: text, path: "fuzz-sweep.yaml")
    }
}

/// libFuzzer's entry point, called once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSweepSpec.handle(FuzzInput.bytes(data, size))
    return 0
}

#if !FUZZING
    /// Without libFuzzer (a plain `swift build`) the target replays the files it is given.
    @main enum Replay {
        static func main() { FuzzReplay.run(FuzzSweepSpec.handle) }
    }
#endif
