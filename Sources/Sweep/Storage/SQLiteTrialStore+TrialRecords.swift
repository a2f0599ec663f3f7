extension SQLiteTrialStore {
    /// Every trial of the sweep with id `sweepID` in plan order, with its final (or last-epoch)
    /// metrics; see ``TrialStore/trialRecords(sweepID:)``.
    public func trialRecords(sweepID: Int64) throws(StoreError) -> [TrialRecord] {
        try read { db in
            try requireSweep(db, id: sweepID)
            return try fetchTrials(db, sweepID: sweepID)
        }
    }
}
