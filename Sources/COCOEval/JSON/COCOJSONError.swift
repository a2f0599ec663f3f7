/// A COCO JSON file (ground truth or results list) that cannot be read. The message names the
/// file, the offending entry (`annotations[12] (id 40)`), the key and the value.
public struct COCOJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, and where inside the file.
    public enum Reason: Sendable, Equatable {
        /// The file could not be opened or read.
        case unreadable(String)
        /// The bytes are not valid JSON, with no position known.
        case malformedJSON(String)
        /// The bytes are not valid JSON: `message` says why, at `line` and byte `column` (both
        /// 1-based), inside the value at `path` (`annotations[3].bbox[1]`).
        case invalidJSON(line: Int, column: Int, path: String, message: String)
        /// A required key is absent from the entry at `path`.
        case missingKey(path: String, key: String)
        /// The value at `path` has the wrong type (`expected` says what was wanted).
        case wrongType(path: String, expected: String, found: String)
        /// Two entries of `section` share `id`.
        case duplicateID(section: String, id: Int, firstIndex: Int, secondIndex: Int)
        /// An annotation id of 0 (pycocotools uses 0 to mean "unmatched").
        case zeroID(path: String)
        /// A detection refers to an image id that is not among the ground-truth images.
        case unknownImage(path: String, imageID: Int)
        /// A detection refers to a category id that is not among the ground-truth categories.
        case unknownCategory(path: String, categoryID: Int)
        /// A ground-truth box with negative width or height.
        case negativeBoxSize(path: String, width: Double, height: Double)
        /// A score or coordinate that is NaN or infinite.
        case nonFinite(path: String, key: String)
    }

    /// The file path as given by the caller.
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        "\(file): "
            + {
                switch reason {
                case .unreadable(let message): "cannot read the file: \(message)"
                case .malformedJSON(let message): "malformed JSON: \(message)"
                case .invalidJSON(let line, let column, let path, let message):
                    "line \(line), column \(column) (in \(path)): malformed JSON: \(message)"
                case .missingKey(let path, let key): "\(path): missing key '\(key)'"
                case .wrongType(let path, let expected, let found):
                    "\(path): expected \(expected), found \(found)"
                case .duplicateID(let section, let id, let first, let second):
                    "\(section)[\(first)] and \(section)[\(second)] share the id \(id)"
                case .zeroID(let path): "\(path): id 0 is not allowed (ids must be non-zero)"
                case .unknownImage(let path, let id):
                    "\(path): image_id \(id) is not among the ground-truth images"
                case .unknownCategory(let path, let id):
                    "\(path): category_id \(id) is not among the ground-truth categories"
                case .negativeBoxSize(let path, let width, let height):
                    "\(path): bbox has a negative size (w \(width), h \(height))"
                case .nonFinite(let path, let key): "\(path): '\(key)' is not a finite number"
                }
            }()
    }
}
