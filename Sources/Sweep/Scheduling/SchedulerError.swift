import Trainer

/// Why a sweep run could not start or had to stop. Each message names what is at fault (the
/// worker command, the dataset path, the database) so the user can fix it; trials already stored
/// are kept.
public enum SchedulerError: Error, Sendable, Equatable {
    /// The worker program could not be started.
    case cannotStartWorker(command: String, reason: String)
    /// The sweep's data source cannot be used (missing YOLO `data.yaml`, bad synthetic options).
    case dataset(DatasetError)
    /// Reading or writing the sweep database failed (disk full, not writable, …).
    case store(StoreError)
    /// Any other store failure, with its message.
    case storeFailure(String)
    /// Another `sweep-cli run` is using the database.
    case databaseInUse(path: String)
    /// An option has a value the scheduler cannot use.
    case invalidOption(name: String, value: String, reason: String)
    /// A model-based sweep's sampler (of `method`) could not propose the next trial.
    case sampler(method: SearchMethod, TPEError)

    /// Wraps a store failure.
    static func wrap(_ error: any Error) -> SchedulerError {
        if let error = error as? SchedulerError { return error }
        if let error = error as? StoreError { return .store(error) }
        return .storeFailure(String(describing: error))
    }
}

extension SchedulerError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .cannotStartWorker(let command, let reason):
            "cannot start the worker '\(command)': \(reason)"
        case .dataset(let error):
            "the sweep's dataset cannot be used: \(error)"
        case .store(let error):
            error.description
        case .storeFailure(let message):
            "sweep database: \(message)"
        case .databaseInUse(let path):
            "\(path): another `sweep-cli run` is using this database; wait for it or stop it "
                + "(Ctrl-C) first, or pass another --db"
        case .invalidOption(let name, let value, let reason):
            "\(name) '\(value)': \(reason)"
        case .sampler(let method, let error):
            "cannot propose the next trial: \(method.rawValue): \(error)"
        }
    }
}
