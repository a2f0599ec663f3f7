import Testing

@testable import Trainer

@Suite struct YOLOLabelParserTests {
    func parse(_ text: String) throws(DatasetError) -> [ObjectAnnotation] {
        try YOLOLabelParser.parse(text, file: "l.txt", classCount: 3, width: 100, height: 50)
    }

    @Test func normalisedLinesBecomePixelBoxes() throws {
        let objects = try parse("1 0.5 0.5 0.2 0.4\n\n2 0.1 0.1 0.2 0.2 \r\n")
        #expect(objects.count == 2)
        #expect(
            objects[0]
                == ObjectAnnotation(
                    classIndex: 1, box: BoundingBox(x: 40, y: 15, width: 20, height: 20)))
        // A box reaching past the edge is clipped to the image.
        #expect(objects[1].box == BoundingBox(x: 0, y: 0, width: 20, height: 10))
    }

    @Test(arguments: [
        ("0 0.5 0.5 0.2", DatasetError.LabelProblem.fieldCount(found: 4)),
        ("0 0.5 abc 0.2 0.2", .malformedNumber(field: "cy", value: "abc")),
        ("x 0.5 0.5 0.2 0.2", .malformedClass(value: "x")),
        ("0x1 0.5 0.5 0.2 0.2", .malformedClass(value: "0x1")),
        ("1.0 0.5 0.5 0.2 0.2", .malformedClass(value: "1.0")),
        ("1e0 0.5 0.5 0.2 0.2", .malformedClass(value: "1e0")),
        ("+1 0.5 0.5 0.2 0.2", .malformedClass(value: "+1")),
        ("- 0.5 0.5 0.2 0.2", .malformedClass(value: "-")),
        ("١ 0.5 0.5 0.2 0.2", .malformedClass(value: "١")),
        ("3 0.5 0.5 0.2 0.2", .unknownClass(index: "3", classCount: 3)),
        ("-1 0.5 0.5 0.2 0.2", .unknownClass(index: "-1", classCount: 3)),
        (
            "99999999999999999999999 0.5 0.5 0.2 0.2",
            .unknownClass(index: "99999999999999999999999", classCount: 3)
        ),
        ("0 1.5 0.5 0.2 0.2", .outOfRange(field: "cx", value: "1.5")),
        ("0 -0.5 0.5 0.2 0.2", .outOfRange(field: "cx", value: "-0.5")),
        ("0 0.5 0.5 0 0.2", .emptyBox(field: "w")),
        ("0 0.5 0.5 0.2 0", .emptyBox(field: "h")),
        ("0 nan 0.5 0.2 0.2", .malformedNumber(field: "cx", value: "nan")),
        ("0 0.5 inf 0.2 0.2", .malformedNumber(field: "cy", value: "inf")),
        ("0 0.5 0.5 1e400 0.2", .malformedNumber(field: "w", value: "1e400")),
        ("0 0.5 0.5 0.2 0x0.8", .malformedNumber(field: "h", value: "0x0.8")),
        ("1 0.5 0.5 0.2 0.2\u{0}", .controlCharacter(code: 0)),
        ("1\u{0} 0.5 0.5 0.2 0.2", .controlCharacter(code: 0)),
        ("1 0.5 0.5\u{7F} 0.2 0.2", .controlCharacter(code: 0x7F)),
        ("1 0.5 0.5 0.2 0.2\u{1B}", .controlCharacter(code: 0x1B)),
    ])
    func badLinesNameFileAndLine(line: String, problem: DatasetError.LabelProblem) {
        let error = #expect(throws: DatasetError.self) {
            try parse("0 0.5 0.5 0.1 0.1\n" + line + "\n")
        }
        #expect(error == .invalidLabel(file: "l.txt", line: 2, problem: problem))
        #expect(error?.description.hasPrefix("l.txt:2: ") == true)
    }

    @Test func tabsSeparateFieldsLikeSpaces() throws {
        #expect(try parse("2\t0.5\t0.5\t0.2\t0.4\n").map(\.classIndex) == [2])
    }
}
