import Foundation
import Yams

/// An Ultralytics `data.yaml`, resolved: `path` (optional; relative to the YAML's folder, which is
/// also the default root), `train` and `val` (a folder, an image-list `.txt` or a list of those,
/// relative to the root), `names` (a list, or an `{index: name}` map over `0..<n`) and `nc`
/// (optional; must equal the number of names), within ``TrainingBounds/classCount``.
struct YOLODataFile: Sendable {

    var file: String
    var train: [String]
    var val: [String]
    var names: [String]

    static func read(_ file: String) throws(DatasetError) -> YOLODataFile {
        guard FileManager.default.fileExists(atPath: file) else { throw .missingFile(path: file) }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw .unreadableFile(path: file)
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text), node.mapping != nil else {
                throw DatasetError.invalidYAML(file: file, message: "expected a mapping at the top")
            }
            root = node
        } catch let error as DatasetError {
            throw error
        } catch {
            throw .invalidYAML(file: file, message: "\(error)")
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var base = folder
        if let path = root["path"] {
            guard let string = path.string, !string.isEmpty else {
                throw .invalidValue(
                    key: "path", value: describe(path), expected: "a folder path",
                    file: file)
            }
            base = URL(fileURLWithPath: string, isDirectory: true, relativeTo: folder)
        }
        let train = try entries("train", in: root, base: base, file: file)
        let val = try entries("val", in: root, base: base, file: file)
        let names = try classNames(root, file: file)
        return YOLODataFile(file: file, train: train, val: val, names: names)
    }

    private static func entries(_ key: String, in root: Node, base: URL, file: String)
        throws(DatasetError) -> [String]
    {
        guard let node = root[key] else { throw .missingKey(key: key, file: file) }
        let strings: [String]?
        if let sequence = node.sequence {
            let items = sequence.compactMap(\.string)
            strings = items.count == sequence.count && !items.isEmpty ? items : nil
        } else {
            strings = node.string.map { [$0] }
        }
        guard let strings, strings.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidValue(
                key: key, value: describe(node),
                expected: "a folder or a list of folders", file: file)
        }
        return strings.map { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL.path }
    }

    private static func classNames(_ root: Node, file: String) throws(DatasetError) -> [String] {
        guard let node = root["names"] else {
            guard let nc = root["nc"] else { throw .missingKey(key: "names", file: file) }
            guard let count = nc.int, TrainingBounds.classCount.violation(count) == nil else {
                throw .invalidValue(
                    key: "nc", value: describe(nc), expected: classCountRange, file: file)
            }
            return (0..<count).map { "class_\($0)" }
        }
        var names: [String] = []
        let entries = node.sequence?.count ?? node.mapping?.count ?? 0
        guard TrainingBounds.classCount.violation(entries) == nil else {
            throw .invalidValue(
                key: "names", value: "\(entries) entries", expected: classCountRange, file: file)
        }
        if let sequence = node.sequence {
            for item in sequence {
                guard let name = item.string else {
                    throw .invalidValue(
                        key: "names", value: describe(item), expected: "a class name",
                        file: file)
                }
                names.append(name)
            }
        } else if let mapping = node.mapping {
            var byIndex: [Int: String] = [:]
            for (key, value) in mapping {
                guard let index = key.int, index >= 0, let name = value.string else {
                    throw .invalidValue(
                        key: "names", value: "\(describe(key)): \(describe(value))",
                        expected: "index: name", file: file)
                }
                byIndex[index] = name
            }
            names = try (0..<byIndex.count).map { (i) throws(DatasetError) -> String in
                guard let name = byIndex[i] else {
                    throw .invalidValue(
                        key: "names", value: "indices \(byIndex.keys.sorted())",
                        expected: "indices 0..<\(byIndex.count)", file: file)
                }
                return name
            }
        } else {
            throw .invalidValue(
                key: "names", value: describe(node),
                expected: "a list or an {index: name} map", file: file)
        }
        guard !names.isEmpty else {
            throw .invalidValue(
                key: "names", value: "[]", expected: "at least one class",
                file: file)
        }
        if let nc = root["nc"] {
            guard nc.int == names.count else {
                throw .invalidValue(
                    key: "nc", value: describe(nc),
                    expected: "\(names.count) (the number of names)", file: file)
            }
        }
        return names
    }

    private static var classCountRange: String {
        "a class count \(TrainingBounds.classCount.range)"
    }

    /// A scalar's text with its line, or the kind of a collection, for error messages.
    private static func describe(_ node: Node) -> String {
        let line = node.mark.map { " (line \($0.line))" } ?? ""
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'" + line
        case .mapping: return "a mapping" + line
        case .sequence: return "a list" + line
        case .alias: return "an alias" + line
        }
    }
}
