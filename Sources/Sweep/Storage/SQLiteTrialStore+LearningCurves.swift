extension SQLiteTrialStore {
    /// Every trial of the sweep `name` in plan order, with its stored `ap_small` and seconds per epoch (the
    /// input of `sweep-cli bench asha`).
    public func learningCurves(sweep name: String) throws(StoreError) -> [LearningCurve] {
        var curves: [LearningCurve] = []
        for record in try trials(sweep: name) {
            let reports = try epochReports(key: record.key)
            curves.append(
                LearningCurve(
                    index: record.index, key: record.key, parameters: record.config.parameters,
                    plannedEpochs: record.config.training.epochs, state: record.state,
                    values: reports.map(\.metrics.apSmall), seconds: reports.map(\.seconds)))
        }
        return curves
    }
}
