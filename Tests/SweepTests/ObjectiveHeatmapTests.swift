import Foundation
import Testing

@testable import Sweep

@Suite struct ObjectiveHeatmapTests {
    private let batch = ReportParameter(name: "batch_size", log: true)
    private let loss = ReportParameter(name: "loss", categories: ["ce", "focal", "mse"])

    @Test func cellsHoldTheBestAndMedianOfTheirTrials() throws {
        let points = [
            ReportFixtures.point(0, batchSize: 8, loss: .focal, objective: 0.1),
            ReportFixtures.point(1, batchSize: 8, loss: .focal, objective: 0.4),
            ReportFixtures.point(2, batchSize: 8, loss: .focal, objective: 0.2),
            ReportFixtures.point(3, batchSize: 32, loss: .focal, objective: 0.3),
            ReportFixtures.point(4, batchSize: 32, loss: .focal, objective: 0.5),
            ReportFixtures.point(5, batchSize: 16, loss: .ce, objective: 0.05),
        ]
        let heatmap = ObjectiveHeatmap(points: points, x: batch, y: loss)
        #expect(heatmap.xLabels == ["8", "16", "32"])
        #expect(heatmap.yLabels == ["ce", "focal"])
        #expect(heatmap.cells.count == 3)
        let cell = try #require(heatmap.cells.first { $0.x == "8" && $0.y == "focal" })
        #expect(cell.count == 3 && cell.best == 0.4 && cell.median == 0.2)
        let even = try #require(heatmap.cells.first { $0.x == "32" })
        #expect(abs(even.median - 0.4) < 1e-12)
    }

    @Test func manyDistinctValuesAreBinned() {
        let lr = ReportParameter(name: "lr", log: true)
        let points = (0..<40).map { index in
            ReportFixtures.point(index, lr: 0.0001 * pow(1.2, Double(index)), objective: 0.1)
        }
        let heatmap = ObjectiveHeatmap(points: points, x: lr, y: batch)
        #expect(heatmap.xLabels.count == ObjectiveHeatmap.maxColumns)
        #expect(heatmap.cells.reduce(0) { $0 + $1.count } == 40)
    }
}
