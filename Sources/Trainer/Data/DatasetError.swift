/// Why a dataset could not be generated, read or written. Every message names the file (and line
/// or key) and the offending value.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A synthetic-dataset or loader option is out of range.
    case invalidOption(key: String, value: String, expected: String)
    /// A file the dataset needs (such as `data.yaml`) does not exist.
    case missingFile(path: String)
    /// An image folder named by `key` in `file` does not exist.
    case missingFolder(path: String, key: String, file: String)
    /// `file` is not valid YAML.
    case invalidYAML(file: String, message: String)
    /// A required key is absent from `file`.
    case missingKey(key: String, file: String)
    /// A key of `file` has a value of the wrong kind or range.
    case invalidValue(key: String, value: String, expected: String, file: String)
    /// Line `line` (1-based) of the label file `file` is wrong.
    case invalidLabel(file: String, line: Int, problem: LabelProblem)
    /// A split (`key` of `file`) holds no usable image.
    case noImages(key: String, file: String)
    /// None of the `images` of a split (`key` of `file`) has a label file; `example` is where the
    /// first image's labels were looked for.
    case noLabels(key: String, file: String, images: Int, example: String)
    /// A file exists but could not be read as text.
    case unreadableFile(path: String)
    /// An image could not be decoded (corrupt, truncated, unsupported).
    case undecodableImage(file: String, reason: String)
    /// An image's header claims a size beyond ``ImageLimits``; refused before decoding.
    case imageTooLarge(file: String, width: Int, height: Int)
    /// An export folder already holds `entries` files or folders.
    case destinationNotEmpty(path: String, entries: Int)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)

    /// What is wrong with one label line (`class cx cy w h`, normalised).
    public enum LabelProblem: Error, Sendable, Equatable, CustomStringConvertible {
        case fieldCount(found: Int)
        case controlCharacter(code: UInt32)
        case malformedClass(value: String)
        case malformedNumber(field: String, value: String)
        case unknownClass(index: String, classCount: Int)
        case outOfRange(field: String, value: String)
        case emptyBox(field: String)

        public var description: String {
            switch self {
            case .fieldCount(let found):
                "expected 5 fields 'class cx cy w h', found \(found)"
            case .controlCharacter(let code):
                "control character U+\(String(code, radix: 16, uppercase: true)) in the line"
            case .malformedClass(let value):
                "class '\(value)' is not a plain decimal integer"
            case .malformedNumber(let field, let value):
                "\(field) '\(value)' is not a number"
            case .unknownClass(let index, let classCount):
                "class index \(index) is not in 0..<\(classCount)"
            case .outOfRange(let field, let value):
                "\(field) \(value) is outside [0, 1]"
            case .emptyBox(let field):
                "\(field) is 0: the box is empty"
            }
        }
    }

    public var description: String {
        switch self {
        case .invalidOption(let key, let value, let expected):
            "dataset option \(key) = \(value) is invalid: expected \(expected)"
        case .missingFile(let path):
            "\(path): no such file"
        case .missingFolder(let path, let key, let file):
            "\(file): folder '\(path)' named by key '\(key)' does not exist"
        case .invalidYAML(let file, let message):
            "\(file): invalid YAML: \(message)"
        case .missingKey(let key, let file):
            "\(file): missing key '\(key)'"
        case .invalidValue(let key, let value, let expected, let file):
            "\(file): key '\(key)' has value \(value), expected \(expected)"
        case .invalidLabel(let file, let line, let problem):
            "\(file):\(line): \(problem)"
        case .noImages(let key, let file):
            "\(file): the '\(key)' split has no PNG or JPEG images"
        case .noLabels(let key, let file, let images, let example):
            "\(file): none of the \(images) '\(key)' images has a label file (looked for "
                + "\(example) and the like: the last /images/ of an image path becomes /labels/, "
                + "the extension .txt)"
        case .unreadableFile(let path):
            "\(path): cannot read the file as UTF-8 text"
        case .undecodableImage(let file, let reason):
            "\(file): cannot decode image: \(reason)"
        case .imageTooLarge(let file, let width, let height):
            "\(file): the image claims \(width)×\(height) pixels, expected "
                + ImageLimits.summary
        case .destinationNotEmpty(let path, let entries):
            "\(path): the export folder is not empty (\(entries) entries): expected a new or "
                + "empty folder, so that no earlier image lies beside the exported ones"
        case .writeFailed(let path, let reason):
            "\(path): cannot write: \(reason)"
        }
    }
}
