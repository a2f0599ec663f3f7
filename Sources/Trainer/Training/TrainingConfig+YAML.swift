import Foundation
import Yams

extension TrainingConfig {
    /// Reads a YAML `TrainingConfig` (what `export --best` writes; missing keys take their
    /// defaults) from `path`, and validates it.
    public static func load(yamlFile path: String) throws(TrainingConfigFileError) -> TrainingConfig
    {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .missingFile(path: path)
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        let config: TrainingConfig
        do {
            config = try YAMLDecoder().decode(TrainingConfig.self, from: text)
        } catch {
            throw .invalidYAML(path: path, message: Self.describe(error))
        }
        do {
            try config.validate()
        } catch {
            throw .invalidValue(path: path, error: error)
        }
        return config
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context),
            DecodingError.keyNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return key.isEmpty
                ? context.debugDescription : "key '\(key)': \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

/// Why `train --config FILE` could not use `FILE`.
public enum TrainingConfigFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingFile(path: String)
    case unreadable(path: String)
    case invalidYAML(path: String, message: String)
    case invalidValue(path: String, error: TrainingConfigError)

    public var description: String {
        switch self {
        case .missingFile(let path): return "config file '\(path)' does not exist"
        case .unreadable(let path): return "config file '\(path)' is not readable UTF-8 text"
        case .invalidYAML(let path, let message):
            return "config file '\(path)' is not a valid training config: \(message)"
        case .invalidValue(let path, let error): return "config file '\(path)': \(error)"
        }
    }
}
