import ArgumentParser

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate COCO detections against ground truth (pycocotools-exact).")

    func run() async throws {
        throw ValidationError("'eval' is not implemented yet")
    }
}
