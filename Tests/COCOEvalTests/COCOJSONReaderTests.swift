import Foundation
import Testing

@testable import COCOEval

@Suite struct COCOJSONReaderTests {
    static let validGT = """
        {"images": [{"id": 1, "width": 64, "height": 64}, {"id": 2}],
         "categories": [{"id": 7, "name": "car"}],
         "annotations": [
           {"id": 1, "image_id": 1, "category_id": 7, "bbox": [1, 2.5, 3, 4], "area": 12},
           {"id": 2, "image_id": 2, "category_id": 7, "bbox": [0.35000000000000003, 0, 5, 5],
            "area": 20.5, "iscrowd": 1}]}
        """

    /// Writes `text` to a fresh temporary file and returns its URL.
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("coco-reader-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func gtError(_ text: String) throws -> COCOJSONError? {
        let url = try file(text)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try COCOJSONReader.readGroundTruth(at: url)
            return nil
        } catch {
            #expect(error.file == url.path)
            #expect(error.description.hasPrefix(url.path + ": "))
            return error
        }
    }

    static func detectionsError(_ text: String) throws -> COCOJSONError? {
        let gtURL = try file(validGT)
        let url = try file(text)
        defer {
            try? FileManager.default.removeItem(at: gtURL)
            try? FileManager.default.removeItem(at: url)
        }
        let groundTruth = try COCOJSONReader.readGroundTruth(at: gtURL)
        do {
            _ = try COCOJSONReader.readDetections(at: url, groundTruth: groundTruth)
            return nil
        } catch {
            #expect(error.file == url.path)
            return error
        }
    }

    @Test func readsGroundTruthAndDetectionsExactly() throws {
        let gtURL = try Self.file(Self.validGT)
        let detectionsURL = try Self.file(
            #"[{"image_id": 2, "category_id": 7, "bbox": [1, 1, 0.1, 3], "score": 0.8999999999999999}]"#
        )
        defer {
            try? FileManager.default.removeItem(at: gtURL)
            try? FileManager.default.removeItem(at: detectionsURL)
        }
        let groundTruth = try COCOJSONReader.readGroundTruth(at: gtURL)
        #expect(groundTruth.imageIDs == [1, 2])
        #expect(groundTruth.categoryIDs == [7])
        #expect(
            groundTruth.annotations == [
                COCOAnnotation(
                    id: 1, imageID: 1, categoryID: 7,
                    box: COCOBox(x: 1, y: 2.5, width: 3, height: 4),
                    area: 12),
                COCOAnnotation(
                    id: 2, imageID: 2, categoryID: 7,
                    box: COCOBox(x: 0.35000000000000003, y: 0, width: 5, height: 5), area: 20.5,
                    isCrowd: true),
            ])
        let detections = try COCOJSONReader.readDetections(
            at: detectionsURL, groundTruth: groundTruth)
        #expect(
            detections == [
                COCODetection(
                    imageID: 2, categoryID: 7, box: COCOBox(x: 1, y: 1, width: 0.1, height: 3),
                    score: 0.8999999999999999)
            ])
    }

    /// Malformed JSON names the line, the byte column, the key path and the reason, never only
    /// "The given data was not valid JSON."
    @Test(arguments: [
        (#"{"images": [}"#, 1, 13, "images[0]", "Invalid value"),
        (#"{"images": [{"id": NaN}]}"#, 1, 20, "images[0].id", "Invalid value"),
        (#"{"images": [{"id": Infinity}]}"#, 1, 20, "images[0].id", "Invalid value"),
        (#"{"images": []} junk"#, 1, 16, "top level", "Invalid value"),
        (
            "{\"images\": [{\"id\": 1}],\n"
                + " \"annotations\": [{\"id\": 1, \"bbox\": [0, 1e400, 1, 1]}]}",
            2, 40, "annotations[0].bbox[1]", "1e400 is not a finite number (beyond Double's range)"
        ),
        (
            "{\"images\": [{\"id\": -1e999}]}", 1, 20, "images[0].id",
            "-1e999 is not a finite number (beyond Double's range)"
        ),
    ])
    func malformedJSONIsLocated(
        text: String, line: Int, column: Int, path: String, message: String
    ) throws {
        let error = try #require(try Self.gtError(text))
        #expect(
            error.reason
                == .invalidJSON(line: line, column: column, path: path, message: message))
        #expect(error.description.contains("line \(line), column \(column) (in \(path))"))
    }

    /// 100,000 unclosed arrays, 100,000 closed ones, 50,000 nested objects under a key.
    @Test(arguments: ["open arrays", "closed arrays", "objects"])
    func deepNestingIsAnErrorNotACrash(kind: String) throws {
        let text =
            switch kind {
            case "open arrays": String(repeating: "[", count: 100_000)
            case "closed arrays":
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            default: #"{"images": "# + String(repeating: #"{"a": "#, count: 50_000)
            }
        let error = try #require(try Self.gtError(text))
        guard case .invalidJSON(let line, let column, let path, let message) = error.reason else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(line == 1 && column > 500 && column <= text.utf8.count)
        #expect(message.hasPrefix("Too many nested"))
        #expect(path.hasSuffix("…"))
        #expect(path.count == COCOJSONLocator.maxPathLength + 1)
    }

    @Test func anInfiniteScoreNamesTheDetection() throws {
        let groundTruth = try COCOJSONReader.readGroundTruth(at: Self.file(Self.validGT))
        let url = try Self.file(
            #"[{"image_id": 1, "category_id": 7, "bbox": [1, 1, 2, 2], "score": 1e400}]"#)
        #expect(
            throws: COCOJSONError(
                file: url.path,
                reason: .invalidJSON(
                    line: 1, column: 67, path: "detections[0].score",
                    message: "1e400 is not a finite number (beyond Double's range)"))
        ) {
            try COCOJSONReader.readDetections(at: url, groundTruth: groundTruth)
        }
    }

    @Test func rejectsUnreadableFile() {
        let url = URL(fileURLWithPath: "/nonexistent/coco-gt.json")
        #expect {
            try COCOJSONReader.readGroundTruth(at: url)
        } throws: { error in
            guard let error = error as? COCOJSONError, case .unreadable = error.reason else {
                return false
            }
            return error.file == url.path
        }
    }

    @Test func namesAFolderGivenAsTheFile() {
        let url = FileManager.default.temporaryDirectory
        #expect {
            try COCOJSONReader.readGroundTruth(at: url)
        } throws: { error in
            guard let error = error as? COCOJSONError,
                case .unreadable(let message) = error.reason
            else { return false }
            return message == "it is a folder, not a JSON file"
        }
    }

    @Test func namesTheMissingKey() throws {
        let error = try Self.gtError(
            #"{"images": [{"id": 1}], "categories": [{"id": 1}], "annotations": ["#
                + #"{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "area": 1},"#
                + #"{"id": 9, "image_id": 1, "category_id": 1, "area": 1}]}"#)
        #expect(error?.reason == .missingKey(path: "annotations[1] (id 9)", key: "bbox"))
        #expect(error?.description.contains("annotations[1] (id 9): missing key 'bbox'") == true)
        let noCategories = try Self.gtError(#"{"images": [], "annotations": []}"#)
        #expect(noCategories?.reason == .missingKey(path: "top level", key: "categories"))
    }

    @Test func rejectsDuplicateAndZeroIDs() throws {
        let annotation =
            #"{"id": 5, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "area": 1}"#
        let duplicate = try Self.gtError(
            #"{"images": [{"id": 1}], "categories": [{"id": 1}], "annotations": ["#
                + annotation + "," + annotation + "]}")
        #expect(
            duplicate?.reason
                == .duplicateID(section: "annotations", id: 5, firstIndex: 0, secondIndex: 1))
        let duplicateImage = try Self.gtError(
            #"{"images": [{"id": 3}, {"id": 4}, {"id": 3}], "categories": [], "annotations": []}"#)
        #expect(
            duplicateImage?.reason
                == .duplicateID(section: "images", id: 3, firstIndex: 0, secondIndex: 2))
        let zero = try Self.gtError(
            #"{"images": [{"id": 1}], "categories": [{"id": 1}], "annotations": ["#
                + annotation.replacingOccurrences(of: #""id": 5"#, with: #""id": 0"#) + "]}")
        #expect(zero?.reason == .zeroID(path: "annotations[0] (id 0)"))
    }

    @Test func rejectsNegativeBoxSize() throws {
        let error = try Self.gtError(
            #"{"images": [{"id": 1}], "categories": [{"id": 1}], "annotations": ["#
                + #"{"id": 3, "image_id": 1, "category_id": 1, "bbox": [0, 0, -2, 1], "area": 1}]}"#
        )
        #expect(
            error?.reason == .negativeBoxSize(path: "annotations[0] (id 3)", width: -2, height: 1))
    }

    @Test func rejectsWrongTypesWithTheirPath() throws {
        let fractionalID = try Self.gtError(
            #"{"images": [{"id": 1.5}], "categories": [], "annotations": []}"#)
        #expect(
            fractionalID?.reason
                == .wrongType(path: "images[0].id", expected: "an integer", found: "1.5"))
        let stringScore = try #require(
            try Self.detectionsError(
                #"[{"image_id": 1, "category_id": 7, "bbox": [0, 0, 1, 1], "score": "high"}]"#))
        guard case .wrongType(let path, let expected, _) = stringScore.reason else {
            Issue.record("expected wrongType, got \(stringScore)")
            return
        }
        #expect(path == "detections[0].score")
        #expect(expected == "a number")
        let shortBox = try Self.detectionsError(
            #"[{"image_id": 1, "category_id": 7, "bbox": [0, 0, 1], "score": 0.5}]"#)
        #expect(
            shortBox?.reason
                == .wrongType(
                    path: "detections[0].bbox", expected: "[x, y, w, h] (4 numbers)",
                    found: "3 numbers"))
    }

    @Test func rejectsDetectionsOnUnknownImagesOrCategories() throws {
        let image = try Self.detectionsError(
            #"[{"image_id": 1, "category_id": 7, "bbox": [0, 0, 1, 1], "score": 0.5},"#
                + #"{"image_id": 99, "category_id": 7, "bbox": [0, 0, 1, 1], "score": 0.5}]"#)
        #expect(image?.reason == .unknownImage(path: "detections[1]", imageID: 99))
        let category = try Self.detectionsError(
            #"[{"image_id": 1, "category_id": 8, "bbox": [0, 0, 1, 1], "score": 0.5}]"#)
        #expect(category?.reason == .unknownCategory(path: "detections[0]", categoryID: 8))
        let notAList = try Self.detectionsError(#"{"image_id": 1}"#)
        #expect(notAList != nil)
    }
}
