extension SQLiteTrialStore {
    /// Every trial of the sweep `name` in plan order, with its stored `ap_small` per epoch (the
    /// input of `sweep-cli bench asha`).
    public func learningCurves(sweep name: String) throws(StoreError) -> [LearningCurve] {
        var curves: [LearningCurve] = []
        for record in try trials(sweep: name) {
            let values = try epochReports(key: record.key).map(\.metrics.apSmall)
            curves.append(
                LearningCurve(
                    index: record.index, key: record.key, parameters: record.config.parameters,
                    plannedEpochs: record.config.training.epochs, state: record.state,
                    values: values))
        }
        return curves
    }
}
