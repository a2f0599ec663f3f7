import Foundation
import Trainer

/// One line of the worker protocol: what a worker process prints on stdout, one JSON object per
/// line, and what the scheduler reads back.
///
/// Lines look like `{"epoch":{…EpochReport…}}` (zero or more), then
/// `{"result":{…TrainingResult…}}` once; a worker that cannot start (bad dataset, bad config) prints `{"error":"…"}` and exits
/// non-zero. Non-finite numbers are written as the strings `"nan"`, `"inf"` and `"-inf"` (a
/// diverged loss), since JSON has no literal for them. Any command that prints these lines can act
/// as a worker.
public enum WorkerMessage: Sendable, Equatable {
    case epoch(EpochReport)
    case result(TrainingResult)
    /// The worker could not run the trial; the text is for the user.
    case error(String)
}

extension WorkerMessage: Codable {
    enum CodingKeys: String, CodingKey {
        case epoch, result, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let report = try container.decodeIfPresent(EpochReport.self, forKey: .epoch) {
            self = .epoch(report)
        } else if let result = try container.decodeIfPresent(TrainingResult.self, forKey: .result) {
            self = .result(result)
        } else if let message = try container.decodeIfPresent(String.self, forKey: .error) {
            self = .error(message)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected one of the keys 'epoch', 'result', 'error'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .epoch(let report): try container.encode(report, forKey: .epoch)
        case .result(let result): try container.encode(result, forKey: .result)
        case .error(let message): try container.encode(message, forKey: .error)
        }
    }
}

extension WorkerMessage {
    /// The message as one protocol line, without the trailing newline.
    public func line() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            preconditionFailure("WorkerMessage.line: encoding cannot fail with non-finite strings")
        }
    }

    /// Parses one protocol line; nil when the line is not a protocol message (garbage output).
    public init?(line: String) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let message = try? decoder.decode(WorkerMessage.self, from: Data(line.utf8)) else {
            return nil
        }
        self = message
    }
}
