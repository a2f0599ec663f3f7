import Trainer

/// A mistake in a sweep file, located by file, line, column and key path; every mistake the
/// parser recognises is one ``SweepFileProblem`` case:
/// `sweeps/x.yaml:7: parameters.lr.min: must be > 0 (got -0.1)`.
public typealias SweepFileError = LocatedFileError<SweepFileProblem>
