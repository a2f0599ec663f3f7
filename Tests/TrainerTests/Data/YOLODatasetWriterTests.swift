import Foundation
import Testing

@testable import Trainer

/// Exporting onto a file fails naming the file that is in the way, not an NSCocoaErrorDomain code.
@Suite struct YOLODatasetWriterTests {
    @Test func exportUnderAFileNamesTheFile() throws {
        let file = try TestFiles.scratchFolder() + "/plain.txt"
        try "text".write(toFile: file, atomically: true, encoding: .utf8)
        let options = SyntheticDatasetOptions(imageSize: 32, trainImages: 1, valImages: 1, seed: 1)
        #expect(
            throws: DatasetError.writeFailed(
                path: file + "/images/train", reason: "'\(file)' is a file, not a folder")
        ) { try SyntheticDatasetExport.export(options, to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "text")
    }
}
