import Foundation

/// Says where and why JSON bytes are malformed, for ``COCOJSONError``. `JSONDecoder` on Linux
/// reports only "The given data was not valid JSON." (no position, no underlying error), so the
/// bytes are parsed again with `JSONSerialization`, whose message carries the reason and a byte
/// offset ("Invalid value around character 10."), and a number beyond `Double`'s range, which it
/// names without a position, is found by a scan of the tokens. The scan also gives the key path of
/// the position (`annotations[3].bbox[1]`); it keeps an explicit stack, so any depth is safe.
enum COCOJSONLocator {
    /// A problem at `line` and byte `column` (both 1-based), inside the value at `path`.
    struct Problem: Equatable {
        var message: String
        var line: Int
        var column: Int
        var path: String
    }

    /// Paths longer than this (deep nesting) are cut in messages.
    static let maxPathLength = 120

    /// Why `data` is not valid JSON, and where; `nil` when `JSONSerialization` accepts it.
    /// `root` names a top-level array (`detections`) in paths.
    static func problem(in data: Data, root: String) -> Problem? {
        let message: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let info = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            message = info ?? error.localizedDescription
        }
        let bytes = [UInt8](data)
        if let marker = message.range(of: " around character ", options: .backwards),
            let offset = Int(message[marker.upperBound...].prefix { $0.isNumber })
        {
            return located(String(message[..<marker.lowerBound]), at: offset, in: bytes, root: root)
        }
        if let number = firstNonFiniteNumber(in: bytes) {
            let literal = String(decoding: bytes[number], as: UTF8.self)
            return located(
                "\(literal) is not a finite number (beyond Double's range)", at: number.lowerBound,
                in: bytes, root: root)
        }
        return located(message, at: 0, in: bytes, root: root)
    }

    private static func located(_ message: String, at offset: Int, in bytes: [UInt8], root: String)
        -> Problem
    {
        let offset = min(max(offset, 0), bytes.count)
        let before = bytes[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let path = path(at: offset, in: bytes, root: root)
        return Problem(
            message: message.hasSuffix(".") ? String(message.dropLast()) : message, line: line,
            column: offset - lineStart + 1,
            path: path.count > maxPathLength ? path.prefix(maxPathLength) + "…" : path)
    }

    /// One open container of the scan: an object (with the last key read) or an array (with the
    /// index of the element being read).
    private enum Frame {
        case object(key: String?)
        case array(index: Int)
    }

    /// The key path of the value being read at `offset`.
    static func path(at offset: Int, in bytes: [UInt8], root: String) -> String {
        let stack = scan(bytes) { position, _ in position < offset }
        var text = root
        for frame in stack {
            switch frame {
            case .array(let index): text += "[\(index)]"
            case .object(let key?): text += text.isEmpty ? key : ".\(key)"
            case .object(nil): break
            }
        }
        return text.isEmpty ? "top level" : text
    }

    /// The byte range of the first number literal whose value overflows `Double`.
    static func firstNonFiniteNumber(in bytes: [UInt8]) -> Range<Int>? {
        var found: Range<Int>?
        scan(bytes) { _, token in
            guard let token, isNumberStart(bytes[token.lowerBound]),
                let value = Double(String(decoding: bytes[token], as: UTF8.self)),
                !value.isFinite
            else { return true }
            found = token
            return false
        }
        return found
    }

    /// Walks the tokens of `bytes`, calling `visit` with each token's start and, for a bare token
    /// (number or literal), its range; stops when `visit` returns false. Returns the containers
    /// open where it stopped.
    @discardableResult
    private static func scan(_ bytes: [UInt8], _ visit: (Int, Range<Int>?) -> Bool) -> [Frame] {
        var stack: [Frame] = []
        var awaitingKey = false
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
                continue
            default: break
            }
            guard visit(position, nil) else { return stack }
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(.object(key: nil))
                awaitingKey = true
                position += 1
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                awaitingKey = false
                position += 1
            case UInt8(ascii: ","):
                switch stack.last {
                case .array(let index): stack[stack.count - 1] = .array(index: index + 1)
                case .object: awaitingKey = true
                case nil: break
                }
                position += 1
            case UInt8(ascii: ":"):
                position += 1
            case UInt8(ascii: "\""):
                let end = stringEnd(bytes, from: position)
                if awaitingKey, case .object = stack.last {
                    let key = String(
                        decoding: bytes[(position + 1)..<max(position + 1, end - 1)],
                        as: UTF8.self)
                    stack[stack.count - 1] = .object(key: key)
                    awaitingKey = false
                }
                position = end
            default:
                var end = position
                while end < bytes.count, !isDelimiter(bytes[end]) { end += 1 }
                guard visit(position, position..<max(end, position + 1)) else { return stack }
                position = max(end, position + 1)
            }
        }
        return stack
    }

    /// The offset just past the closing quote of the string starting at `start`.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""): return position + 1
            default: position += 1
            }
        }
        return bytes.count
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        " \t\n\r,:[]{}\"".utf8.contains(byte)
    }

    private static func isNumberStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
