import Foundation
import Trainer

/// `run`'s first step for a YOLO dataset: builds (or checks) its cache once and tells the
/// workers, through their inherited environment, to map it instead of decoding the images.
enum DatasetCachePreparation {
    static func prepare(_ data: DataSource, folder: String) throws {
        guard case .yolo(let path, let skipCorrupt, let imageSize, let resize) = data else {
            return
        }
        let started = ContinuousClock.now
        let loaded = try DatasetCache(folder: folder).load(
            dataFile: path, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt
        ) { note in
            FileHandle.standardError.write(Data("note: \(note)\n".utf8))
        }
        if loaded.origin == .built {
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            print("dataset cache built in \(String(format: "%.1f", seconds)) s: \(loaded.path)")
            fflush(nil)
        }
        setenv(DatasetCache.environmentKey, folder, 1)
    }
}
