/// Numbers for trials that an edited sweep file adds to a sweep already stored: they go after the
/// stored ones (in plan order), so no two trials of a sweep share a number in `top`, `status` or
/// the CSV. A first plan keeps the sampler's numbers.
public enum PlanNumbering {
    /// `planned` with every trial not in `storedKeys` renumbered from `lastStoredIndex + 1` on;
    /// unchanged when nothing is stored yet (`lastStoredIndex` nil).
    public static func numbered(
        _ planned: [TrialConfig], storedKeys: Set<String>, lastStoredIndex: Int?
    ) -> [TrialConfig] {
        guard var next = lastStoredIndex.map({ $0 + 1 }) else { return planned }
        return planned.map { trial in
            guard !storedKeys.contains(trial.key) else { return trial }
            var renumbered = trial
            renumbered.index = next
            next += 1
            return renumbered
        }
    }
}
