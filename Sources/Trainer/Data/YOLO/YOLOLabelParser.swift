/// Parses a YOLO label file: one object per non-blank line, `class cx cy w h`, the box centre and
/// size normalised to `[0, 1]` by the image's width and height.
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
        guard let number = Double(fields[0]), number.isFinite else {
            throw .malformedNumber(field: "class", value: fields[0])
        }
        guard number == number.rounded(), number >= 0, number < Double(classCount) else {
            throw .unknownClass(index: fields[0], classCount: classCount)
        }
        var values: [Double] = []
        for (name, field) in zip(fieldNames.dropFirst(), fields.dropFirst()) {
            guard let value = Double(field), value.isFinite else {
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
            classIndex: Int(number),
            box: BoundingBox(
                x: Float(x0), y: Float(y0), width: Float(x1 - x0),
                height: Float(y1 - y0)))
    }
}
