import Trainer

extension SQLiteTrialStore {
    /// Every trial of the sweep `name` in plan order, with its stored values of `objective` (the
    /// sweep's stored objective when nil) and seconds per epoch (the input of `sweep-cli bench
    /// asha`).
    public func learningCurves(
        sweep name: String, objective: Objective? = nil
    ) throws(StoreError) -> [LearningCurve] {
        let objective =
            if let objective { objective } else { try self.objective(sweep: name) }
        var curves: [LearningCurve] = []
        for record in try trials(sweep: name) {
            let reports = try epochReports(key: record.key)
            curves.append(
                LearningCurve(
                    index: record.index, key: record.key, parameters: record.config.parameters,
                    plannedEpochs: record.config.training.epochs, state: record.state,
                    values: reports.map { $0.metrics[objective] }, seconds: reports.map(\.seconds)))
        }
        return curves
    }
}
