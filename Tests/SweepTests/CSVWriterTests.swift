import Testing

@testable import Sweep

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rlf", "\"cr\rlf\""),
        ("", ""),
    ])
    func escapesPerRFC4180(field: String, expected: String) {
        #expect(CSVWriter.escape(field) == expected)
    }

    @Test func recordsEndInCRLFAndParseBack() throws {
        let records = [
            ["rank", "note", "value"],
            ["1", "comma, inside", "0.1"],
            ["2", "quote \" inside", "1e-05"],
            ["3", "line\r\nbreak and \"both\", at once", ""],
            ["4", " spaces kept ", "-1.0"],
        ]
        var writer = CSVWriter()
        for record in records {
            writer.append(record)
        }
        #expect(writer.text.hasPrefix("rank,note,value\r\n1,\"comma, inside\",0.1\r\n"))
        #expect(writer.text.hasSuffix("\r\n"))
        #expect(try #require(RFC4180Reader.parse(writer.text)) == records)
    }
}
