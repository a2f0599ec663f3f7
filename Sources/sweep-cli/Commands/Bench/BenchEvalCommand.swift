import ArgumentParser
import Benchmarks
import Foundation
import Trainer

/// `sweep-cli bench eval`: evaluator speed on the synthetic 5,000-image case.
struct BenchEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluator speed on the 5,000-image synthetic case.",
        discussion: """
            Times evaluate + accumulate (median of --runs) on 5,000 images, 50,000 gts (70% small), \
            100,000 detections, 10 categories. --write-json DIR writes gt.json and dets.json for \
            bench/coco_compare.py (pycocotools, faster-coco-eval).
            """)

    @Option(parsing: .unconditional, help: "Seed of the synthetic case.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Timed runs per mode; the median is reported.")
    var runs = 3

    @Option(help: ArgumentHelp("Directory to write gt.json and dets.json into.", valueName: "dir"))
    var writeJSON: String?

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive, got \(runs)") }
    }

    func run() async throws {
        let synthetic = SyntheticCOCOCase.generate(seed: seed)
        print(
            "case: \(synthetic.groundTruth.imageIDs.count) images, "
                + "\(synthetic.groundTruth.annotations.count) gts, "
                + "\(synthetic.detections.count) detections, "
                + "\(synthetic.groundTruth.categoryIDs.count) categories (seed \(seed))")
        if let writeJSON {
            let directory = URL(fileURLWithPath: writeJSON, isDirectory: true)
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
            try COCOJSONWriter.groundTruthJSON(
                synthetic.groundTruth, imageWidth: synthetic.imageSize,
                imageHeight: synthetic.imageSize
            ).write(
                to: directory.appendingPathComponent("gt.json"), atomically: true, encoding: .utf8)
            try COCOJSONWriter.detectionsJSON(synthetic.detections)
                .write(
                    to: directory.appendingPathComponent("dets.json"), atomically: true,
                    encoding: .utf8)
            print("wrote \(directory.path)/gt.json and dets.json")
        }
        var lastStats: [Double] = []
        for isParallel in [false, true] {
            let benchmark = try COCOEvalBenchmark.run(
                groundTruth: synthetic.groundTruth, detections: synthetic.detections, runs: runs,
                evaluator: COCOEvaluator(parameters: .coco, isParallel: isParallel))
            report("sweep \(isParallel ? "parallel" : "serial  ") evaluate+accumulate", benchmark)
            lastStats = benchmark.stats
        }
        let metrics = try COCOEvalBenchmark.runMetrics(
            groundTruth: synthetic.groundTruth, detections: synthetic.detections, runs: runs)
        report("sweep metrics() (COCO + AI-TOD, parallel)", metrics)
        print("stats: " + lastStats.map { "\($0)" }.joined(separator: " "))
    }

    private func report(_ label: String, _ benchmark: COCOEvalBenchmark) {
        let runs = benchmark.seconds.map { String(format: "%.4f", $0) }.joined(separator: " ")
        print(
            "\(label): median " + String(format: "%.4f s", benchmark.medianSeconds)
                + " (runs: \(runs))")
    }
}
