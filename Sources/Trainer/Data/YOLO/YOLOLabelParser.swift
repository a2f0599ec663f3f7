/// Parses a YOLO label file: one object per non-blank line, `class cx cy w h`, the box centre and
/// size normalised to `[0, 1]` by the image's width and height. The class is a plain decimal
/// integer (`0x1`, `1.0` and `1e0` are refused); coordinates are plain decimal numbers (no hex,
/// `nan` or `inf`); a control character anywhere on a line (a stray NUL) is refused.
enum YOLOLabelParser {
    /// Returns the objects with boxes in pixels of a `width × height` image, clipped to it
    /// (computed in `Double`, then rounded to `Float`).
    static func parse(_ text: String, file: String, classCount: Int, width: Int, height: Int)
        throws(DatasetError) -> [ObjectAnnotation]
    {
        var objects: [ObjectAnnotation] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, line) in lines.enumerated() {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard !fields.isEmpty else { continue }
            do throws(DatasetError.LabelProblem) {
                if let control = line.unicodeScalars.first(where: isControl) {
                    throw .controlCharacter(code: control.value)
                }
                objects.append(
                    try object(
                        fields.map(String.init), classCount: classCount,
                        width: Double(width), height: Double(height)))
            } catch {
                throw .invalidLabel(file: file, line: offset + 1, problem: error)
            }
        }
        return objects
    }

    private static let fieldNames = ["class", "cx", "cy", "w", "h"]

    private static func object(_ fields: [String], classCount: Int, width: Double, height: Double)
        throws(DatasetError.LabelProblem) -> ObjectAnnotation
    {
        guard fields.count == 5 else { throw .fieldCount(found: fields.count) }
        let digits = fields[0].hasPrefix("-") ? fields[0].dropFirst() : Substring(fields[0])
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else {
            throw .malformedClass(value: fields[0])
        }
        guard let classIndex = Int(fields[0]), classIndex >= 0, classIndex < classCount else {
            throw .unknownClass(index: fields[0], classCount: classCount)
        }
        var values: [Double] = []
        for (name, field) in zip(fieldNames.dropFirst(), fields.dropFirst()) {
            guard field.allSatisfy(isDecimalSyntax), let value = Double(field), value.isFinite
            else {
                throw .malformedNumber(field: name, value: field)
            }
            guard value >= 0, value <= 1 else { throw .outOfRange(field: name, value: field) }
            values.append(value)
        }
        if values[2] == 0 { throw .emptyBox(field: "w") }
        if values[3] == 0 { throw .emptyBox(field: "h") }
        let x0 = max(0, (values[0] - values[2] / 2) * width)
        let y0 = max(0, (values[1] - values[3] / 2) * height)
        let x1 = min(width, (values[0] + values[2] / 2) * width)
        let y1 = min(height, (values[1] + values[3] / 2) * height)
        return ObjectAnnotation(
            classIndex: classIndex,
            box: BoundingBox(
                x: Float(x0), y: Float(y0), width: Float(x1 - x0),
                height: Float(y1 - y0)))
    }

    /// The characters a plain decimal number is written with (`-0.5`, `1e-3`).
    private static func isDecimalSyntax(_ character: Character) -> Bool {
        isDigit(character) || ".eE+-".contains(character)
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.asciiValue.map { (0x30...0x39).contains($0) } ?? false
    }

    /// C0 and C1 control characters and DEL, except the tab that separates fields.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar.properties.generalCategory == .control
    }
}
