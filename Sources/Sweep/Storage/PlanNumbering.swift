/// Numbers for trials that an edited sweep file adds to a sweep already stored: they go after the
/// stored ones (in plan order), so no two trials of a sweep share a number in `top`, `status` or
/// the CSV. A first plan keeps the sampler's numbers.
public enum PlanNumbering {
    /// `planned` with every trial not in `storedKeys` renumbered from `lastStoredIndex + 1` on
    /// (numbers unchanged when nothing is stored yet, `lastStoredIndex` nil); with `limit`, the
    /// new trials beyond the room the sweep has left (`limit` trials in all) are dropped.
    public static func numbered(
        _ planned: [TrialConfig], storedKeys: Set<String>, lastStoredIndex: Int?,
        limit: Int? = nil
    ) -> [TrialConfig] {
        var room = limit.map { max(0, $0 - storedKeys.count) } ?? .max
        var next = lastStoredIndex.map { $0 + 1 }
        return planned.compactMap { trial in
            guard !storedKeys.contains(trial.key) else { return trial }
            guard room > 0 else { return nil }
            room -= 1
            var renumbered = trial
            if let index = next {
                renumbered.index = index
                next = index + 1
            }
            return renumbered
        }
    }
}
