import Foundation
import Testing

@testable import Trainer

@Suite struct DatasetCacheTests {
    static let options = SyntheticDatasetOptions(
        imageSize: 32, trainImages: 4, valImages: 2, seed: 11)

    /// A fresh exported dataset and an empty cache folder.
    func fixture() throws -> (dataFile: String, cache: DatasetCache) {
        let folder = try TestFiles.scratchFolder()
        let dataFile = try SyntheticDatasetExport.export(Self.options, to: folder + "/set")
            .dataFile
        return (dataFile, DatasetCache(folder: folder + "/cache"))
    }

    func load(_ cache: DatasetCache, _ dataFile: String, notes: inout [String]) throws
        -> DatasetCache.Loaded
    {
        var collected: [String] = []
        let loaded = try cache.load(
            dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: false
        ) { collected.append($0) }
        notes += collected
        return loaded
    }

    func fresh(_ dataFile: String) throws -> DatasetSplit {
        try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: false
        ).split
    }

    @Test func aCachedDatasetEqualsAFreshDecode() throws {
        let (dataFile, cache) = try fixture()
        var notes: [String] = []
        let built = try load(cache, dataFile, notes: &notes)
        #expect(built.origin == .built)
        let reused = try load(cache, dataFile, notes: &notes)
        #expect(reused.origin == .reused && notes.isEmpty)
        let expected = try fresh(dataFile)
        #expect(expected.train.images.contains { !$0.objects.isEmpty })
        #expect(built.split == expected && reused.split == expected)
        guard case .bytes(let bytes) = reused.split.val.images[1].storage else {
            Issue.record("cached images are not bytes")
            return
        }
        #expect(bytes.count == 3 * 40 * 40)
        let path = cache.path(
            dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: false)
        #expect(reused.path == path && path.hasPrefix(cache.folder + "/set-"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cache.folder) == [
                (path as NSString).lastPathComponent
            ])
    }

    @Test func otherSettingsGetTheirOwnFile() throws {
        let (dataFile, cache) = try fixture()
        let paths = [
            cache.path(dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: false),
            cache.path(dataFile: dataFile, imageSize: 48, resize: .letterbox, skipCorrupt: false),
            cache.path(dataFile: dataFile, imageSize: 40, resize: .stretch, skipCorrupt: false),
            cache.path(dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: true),
        ]
        #expect(Set(paths).count == 4)
    }

    @Test func aTouchedImageRebuildsTheCache() throws {
        let (dataFile, cache) = try fixture()
        var notes: [String] = []
        _ = try load(cache, dataFile, notes: &notes)
        let image = (dataFile as NSString).deletingLastPathComponent + "/images/train/000001.png"
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: image)
        let rebuilt = try load(cache, dataFile, notes: &notes)
        #expect(rebuilt.origin == .built)
        #expect(notes.count == 1 && notes[0].contains("changed"))
        #expect(try load(cache, dataFile, notes: &notes).origin == .reused)
    }

    @Test func aChangedImageOrLabelIsReadAgain() throws {
        let (dataFile, cache) = try fixture()
        var notes: [String] = []
        _ = try load(cache, dataFile, notes: &notes)
        let root = (dataFile as NSString).deletingLastPathComponent
        let manager = FileManager.default
        try manager.removeItem(atPath: root + "/images/train/000000.png")
        try manager.copyItem(
            atPath: root + "/images/train/000002.png", toPath: root + "/images/train/000000.png")
        try "0 0.5 0.5 0.25 0.25\n".write(
            toFile: root + "/labels/val/000000.txt", atomically: true, encoding: .utf8)
        let rebuilt = try load(cache, dataFile, notes: &notes)
        #expect(rebuilt.origin == .built)
        let expected = try fresh(dataFile)
        #expect(rebuilt.split == expected)
        #expect(rebuilt.split.train.images[0].pixels == expected.train.images[2].pixels)
        #expect(rebuilt.split.val.images[0].objects.count == 1)
    }

    /// Truncations, a flipped byte anywhere that is checked, and junk: each is noted and
    /// rebuilt into a cache equal to a fresh decode, never trusted or crashed on.
    @Test func aDamagedCacheIsRebuiltWithANote() throws {
        let (dataFile, cache) = try fixture()
        var notes: [String] = []
        let path = try load(cache, dataFile, notes: &notes).path
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        let metaOffset = good.count - 40
        var damages: [(String, Data)] = [
            ("empty", Data()), ("junk", Data("hello".utf8)),
            ("header only", good.prefix(64)), ("no meta", good.prefix(4096 + 3 * 40 * 40 * 6)),
            ("one byte short", good.dropLast()), ("one byte long", good + [0]),
        ]
        for offset in [0, 9, 17, 33, 49, 60, metaOffset] {
            var flipped = good
            flipped[offset] ^= 0x01
            damages.append(("byte \(offset) flipped", flipped))
        }
        let expected = try fresh(dataFile)
        for (name, damaged) in damages {
            try damaged.write(to: URL(fileURLWithPath: path))
            notes = []
            let loaded = try load(cache, dataFile, notes: &notes)
            #expect(loaded.origin == .built, "\(name)")
            #expect(notes.count == 1 && notes.first?.contains("damaged") == true, "\(name)")
            #expect(loaded.split == expected, "\(name)")
        }
    }

    @Test func concurrentBuildersLeaveOneValidCache() async throws {
        let (dataFile, cache) = try fixture()
        let origins = try await withThrowingTaskGroup(of: DatasetCache.Origin.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try cache.load(
                        dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: false
                    ).origin
                }
            }
            return try await group.reduce(into: [DatasetCache.Origin]()) { $0.append($1) }
        }
        #expect(origins.count == 4)
        var notes: [String] = []
        let loaded = try load(cache, dataFile, notes: &notes)
        #expect(loaded.origin == .reused && notes.isEmpty)
        #expect(loaded.split == (try fresh(dataFile)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).count == 1)
    }

    @Test func aDatasetErrorIsThrownNotCached() throws {
        let (dataFile, cache) = try fixture()
        let root = (dataFile as NSString).deletingLastPathComponent
        try "99 0.5 0.5 0.1 0.1\n".write(
            toFile: root + "/labels/train/000000.txt", atomically: true, encoding: .utf8)
        #expect(throws: DatasetError.self) {
            try cache.load(
                dataFile: dataFile, imageSize: 40, resize: .letterbox, skipCorrupt: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).isEmpty)
    }
}
