import Trainer

extension SweepFileError {
    /// The sweep-file error for a mistake in the `trainer:` block, keeping its location.
    init(_ error: TrainingConfigFileError) {
        let problem: Problem =
            switch error.problem {
            case .fileNotFound: .fileNotFound
            case .unreadable(let reason): .unreadable(reason: reason)
            case .malformedYAML(let reason): .malformedYAML(reason: reason)
            case .emptyDocument: .emptyDocument
            case .notAMapping: .notAMapping
            case .wrongType(let expected): .wrongType(expected: expected)
            case .duplicateKey: .duplicateKey
            case .unknownKey(let suggestion): .unknownTrainerKey(suggestion: suggestion)
            case .notInSweepTrainer(let useInstead): .trainerKeyNotAllowed(useInstead: useInstead)
            case .unknownLoss: .unknownLoss
            case .unknownAttention: .unknownAttention
            case .outOfRange(let requirement): .outOfRange(requirement: requirement)
            case .notAnInteger: .notAnInteger
            case .bothDataSources: .bothDataSources
            case .noDataSource: .noDataSource
            case .skipCorruptWithoutYOLO: .skipCorruptWithoutYOLO
            case .dataFileNotFound(let resolved): .dataFileNotFound(resolved: resolved)
            }
        self.init(
            path: error.path, line: error.line, column: error.column, keyPath: error.keyPath,
            value: error.value, problem: problem)
    }
}
