extension SweepSpec {
    /// The hyperparameters a trial's trainer is given: all of them for the embedded trainer;
    /// for a command trainer, those a placeholder names (``CommandTrainer/placeholderNames``).
    /// A trial stores the rest with the embedded trainer's defaults, which the program never
    /// saw, so the ranking, the CSV, the progress lines and the report leave them out.
    public var receivedParameters: Set<Hyperparameter> {
        guard let command else { return Hyperparameter.builtIns }
        let names = command.placeholderNames
        return Hyperparameter.builtIns.union(parameters.keys).filter {
            names.contains($0.rawValue)
        }
    }

    /// A stored sweep file's text read back (it was validated when stored; the folders it
    /// names are not checked again, they may be gone); nil when it no longer reads as a sweep
    /// file. A W&B file without `name:` reads as `stored-sweep` (its file's name is not stored).
    public static func stored(text: String) -> SweepSpec? {
        try? SweepFileParser(
            text: text, path: "stored-sweep.yaml", baseDirectory: "/", checksPaths: false
        ).parse()
    }
}
