import ArgumentParser
import Trainer

/// `--cache` of `run` and `agent`: the folder where a YOLO dataset is decoded and resized once,
/// before the first trial, for every worker this process starts.
struct DatasetCacheOption: ParsableArguments {
    @Option(help: "The dataset cache folder a YOLO dataset is prepared in once for all trials.")
    var cache = DatasetCache.defaultFolder

    /// Builds (or checks) the cache of `data` when it is a YOLO dataset and points the workers
    /// at it.
    func prepare(_ data: DataSource) throws {
        try DatasetCachePreparation.prepare(data, folder: cache)
    }
}
