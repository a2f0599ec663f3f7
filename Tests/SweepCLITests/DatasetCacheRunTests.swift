import Foundation
import Testing

/// `run` and `agent` prepare a YOLO dataset's cache once and their workers train from it: after
/// the images are overwritten with zeros (same sizes, same modification times, so the cache
/// still counts as up to date), trials still train, which they could not by decoding.
@Suite struct DatasetCacheRunTests {
    /// A tiny YOLO export and a two-trial sweep over it.
    private func scene(_ scratch: CLIScratch) async throws -> String {
        let data = scratch.path("data")
        let export = try await scratch.runAsync([
            "dataset", "export", "--out", data, "--image-size", "32", "--train-images", "4",
            "--val-images", "2",
        ])
        #expect(export.status == 0, "\(export.output)")
        let sweep = scratch.path("cached.yaml")
        try """
        name: cached
        method: grid
        parameters:
          lr: {values: [0.01, 0.02]}
        trainer:
          epochs: 1
          batch_size: 2
          data: {yolo: data/data.yaml, image_size: 32}

        """.write(toFile: sweep, atomically: true, encoding: .utf8)
        return sweep
    }

    /// Overwrites every image with zeros of the same size and restores its modification time
    /// to the nanosecond.
    private func spoilImages(in folder: String) throws {
        for split in ["train", "val"] {
            let images = folder + "/images/" + split
            for name in try FileManager.default.contentsOfDirectory(atPath: images) {
                let path = images + "/" + name
                var info = stat()
                #expect(stat(path, &info) == 0)
                try Data(count: Int(info.st_size)).write(to: URL(fileURLWithPath: path))
                let times = [info.st_atim, info.st_mtim]
                #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
            }
        }
    }

    @Test func runAndAgentWorkersTrainFromTheCache() async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let sweep = try await scene(scratch)
        let cache = scratch.path("cache")
        let run = try await scratch.runAsync([
            "run", sweep, "--db", scratch.path("run.sqlite"), "--jobs", "1", "--cache", cache,
        ])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("dataset cache built"), "\(run.output)")
        #expect(run.output.contains("2 completed"), "\(run.output)")
        try spoilImages(in: scratch.path("data"))
        let agent = try await scratch.runAsync([
            "agent", sweep, "--db", scratch.path("agent.sqlite"), "--cache", cache,
        ])
        #expect(agent.status == 0, "\(agent.output)")
        #expect(!agent.output.contains("dataset cache built"), "\(agent.output)")
        #expect(agent.output.contains("completed 2"), "\(agent.output)")
        let uncached = try await scratch.runAsync([
            "agent", sweep, "--db", scratch.path("uncached.sqlite"), "--cache",
            scratch.path("empty-cache"),
        ])
        #expect(uncached.status != 0, "decoding the zeroed images must fail: \(uncached.output)")
    }

    @Test func anAgentBuildsTheCacheOnceAndTheNextAgentReusesIt() async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let sweep = try await scene(scratch)
        let cache = scratch.path("cache")
        let first = try await scratch.runAsync([
            "agent", sweep, "--db", scratch.path("first.sqlite"), "--cache", cache,
        ])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("dataset cache built"), "\(first.output)")
        #expect(try !FileManager.default.contentsOfDirectory(atPath: cache).isEmpty)
        try spoilImages(in: scratch.path("data"))
        let second = try await scratch.runAsync([
            "agent", sweep, "--db", scratch.path("second.sqlite"), "--cache", cache,
        ])
        #expect(second.status == 0, "\(second.output)")
        #expect(!second.output.contains("dataset cache built"), "\(second.output)")
        #expect(second.output.contains("completed 2"), "\(second.output)")
    }
}
