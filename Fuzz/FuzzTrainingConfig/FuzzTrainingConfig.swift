import FuzzSupport
import Trainer

/// Fuzz target: the input as a best-config YAML file (what `export --best` writes) through
/// `TrainingConfigReader.load(path:)`, which only reads from a path.
/// A thrown error is the expected answer to bad input; a crash, a sanitizer report, a hang or a
/// huge allocation is a finding (see `Tests/Fuzz/README.md`).
enum FuzzTrainingConfig {
    static func handle(_ input: [UInt8]) {
        let path = FuzzInput.file(named: "best-config.yaml", contents: input)
        _ = try? TrainingConfigReader.load(path: path)
    }
}

/// libFuzzer's entry point, called once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTrainingConfig.handle(FuzzInput.bytes(data, size))
    return 0
}

#if !FUZZING
    /// Without libFuzzer (a plain `swift build`) the target replays the files it is given.
    @main enum Replay {
        static func main() { FuzzReplay.run(FuzzTrainingConfig.handle) }
    }
#endif
