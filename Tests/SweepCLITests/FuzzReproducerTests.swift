import Foundation
import Testing

/// Every committed fuzz reproducer (`Tests/Fuzz/TARGET/crashes/`) and seed (`corpus/`) replayed
/// through its target's replay tool, the plain-build twin of the libFuzzer binary: each input
/// must end as a thrown error or a result. A crash, a trap or an allocation beyond the 2 GB
/// address-space limit (the fuzz runs' `-rss_limit_mb`) ends the tool and fails the test.
@Suite struct FuzzReproducerTests {
    /// Fuzz target folder under `Tests/Fuzz` → the executable that replays it.
    static let targets: [(folder: String, product: String)] = [
        ("sweep-spec", "FuzzSweepSpec"), ("data-yaml", "FuzzDataYAML"),
        ("coco-json", "FuzzCOCOJSON"), ("png", "FuzzPNG"), ("jpeg", "FuzzJPEG"),
        ("training-config", "FuzzTrainingConfig"),
    ]

    /// The 2 GB limit as a shell command. AddressSanitizer (`scripts/asan.sh` builds the replay
    /// tools with it too) reserves terabytes of address space for its shadow memory, so there the
    /// limit is its own allocator's instead of the address space's.
    static var memoryLimit: String {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil
            ? "ulimit -v 2097152"
            : "export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_allocation_size_mb=2048"
    }

    static let fuzzFolder = CLIRun.repository.appendingPathComponent("Tests/Fuzz")

    static func inputs(_ folder: String, _ kind: String) -> [String] {
        let path = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(kind).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted().map {
            path + "/" + $0
        }
    }

    @Test func everyTargetFolderIsReplayed() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.path)
            .filter { !$0.contains(".") }
        #expect(Set(folders) == Set(Self.targets.map(\.folder)))
        let reproducers = Self.targets.flatMap { Self.inputs($0.folder, "crashes") }
        #expect(reproducers.count >= 4, "the committed reproducers are missing")
    }

    @Test(arguments: targets.map(\.folder))
    func replaysEveryInputWithoutCrashing(folder: String) throws {
        let product = try #require(Self.targets.first { $0.folder == folder }?.product)
        let files = Self.inputs(folder, "crashes") + Self.inputs(folder, "corpus")
        try #require(!files.isEmpty, "Tests/Fuzz/\(folder) has no corpus")
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let command = "\(Self.memoryLimit) && SWIFT_BACKTRACE=enable=no exec \"$0\" \"$@\""
        let run = try scratch.run(
            ["-c", command, try CLIRun.binary(product)] + files, executable: "/bin/sh")
        let (status, signalled, output) = run
        #expect(!signalled, "\(product) crashed:\n\(output.suffix(2000))")
        #expect(status == 0, "\(product) exited \(status):\n\(output.suffix(2000))")
        let replayed = output.split(separator: "\n").filter { $0.hasPrefix("replayed ") }
        #expect(replayed.count == files.count)
    }
}
