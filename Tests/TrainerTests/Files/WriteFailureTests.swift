import Foundation
import Testing

@testable import Trainer

/// The plain-words reasons for a failed write.
@Suite struct WriteFailureTests {
    @Test func folderWhereAFileGoes() throws {
        let folder = try TestFiles.scratchFolder()
        let error = CocoaError(.fileWriteUnknown)
        #expect(
            WriteFailure.reason(path: folder, error: error) == "it is a folder; give a file name")
    }

    @Test func fileWhereAFolderGoes() throws {
        let file = try TestFiles.scratchFolder() + "/f"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let error = CocoaError(.fileWriteUnknown)
        #expect(
            WriteFailure.reason(path: file, error: error, expectingFolder: true)
                == "it is a file, not a folder")
    }

    @Test func otherwiseThePOSIXMessage() throws {
        let path = try TestFiles.scratchFolder() + "/ok.csv"
        let error = CocoaError(
            .fileWriteOutOfSpace,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: 28)])
        #expect(
            WriteFailure.reason(path: path, error: error) == String(cString: strerror(ENOSPC)))
    }
}
