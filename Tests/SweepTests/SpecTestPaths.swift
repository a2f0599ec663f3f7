import Foundation

/// Paths of the sweep-file fixtures and of the repository's `sweeps/` folder, found from this
/// source file so the package needs no test resources.
enum SpecTestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let badSweeps = testsFolder.appendingPathComponent("Fixtures/bad-sweeps")
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let sweeps = repository.appendingPathComponent("sweeps")

    static func badSweep(_ name: String) -> String {
        badSweeps.appendingPathComponent(name).path
    }

    static func exampleSweeps() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sweeps.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map {
            sweeps.appendingPathComponent($0).path
        }
    }
}
