import Benchmarks
import Sweep
import Testing

@Suite struct SearchTableTests {
    private let header = "rank,trial,lr,weight_decay,batch_size,loss,ap_small"

    private func table(_ rows: [String], objective: String = "ap_small") throws -> SearchTable {
        try SearchTable(
            csv: ([header] + rows).joined(separator: "\n") + "\n", file: "grid.csv",
            objective: objective)
    }

    @Test func readsTheSpaceAndObjectivesOfAFullGrid() throws {
        let parsed = try table([
            "1,0,0.01,0.001,16,mse,0.5", "2,1,0.1,0.001,16,mse,0.25",
            "3,2,0.01,0.001,16,ce,0.125", "4,3,0.1,0.001,16,ce,0",
        ])
        #expect(parsed.objectives.count == 4)
        #expect(parsed.best == 0.5)
        #expect(parsed.space[.lr] == .values([.number(0.01), .number(0.1)]))
        #expect(parsed.space[.loss] == .values([.text("mse"), .text("ce")]))
        #expect(parsed.space[.batchSize] == .values([.integer(16)]))
        let best = TrialParameters(lr: 0.01, weightDecay: 0.001, batchSize: 16, loss: .mse)
        #expect(parsed.objectives[best] == 0.5)
    }

    @Test func missingColumnsNameTheColumn() {
        #expect(throws: SearchTableError.missingColumn(file: "grid.csv", column: "ap50")) {
            try table(["1,0,0.01,0.001,16,mse,0.5"], objective: "ap50")
        }
    }

    @Test(arguments: [
        ("1,0,fast,0.001,16,mse,0.5", "lr", "fast"),
        ("1,0,0.01,0.001,0,mse,0.5", "batch_size", "0"),
        ("1,0,0.01,0.001,16,l1,0.5", "loss", "l1"),
        ("1,0,0.01,0.001,16,mse,nan", "ap_small", "nan"),
        ("1,0,0.01,0.001,16,mse,", "ap_small", ""),
    ])
    func badValuesNameLineColumnAndText(row: String, column: String, text: String) {
        #expect(
            throws: SearchTableError.badValue(file: "grid.csv", line: 2, column: column, text: text)
        ) {
            try table([row])
        }
    }

    @Test func structuralProblemsAreTypedErrors() {
        #expect(throws: SearchTableError.empty(file: "grid.csv")) { try table([]) }
        #expect(
            throws: SearchTableError.fieldCount(file: "grid.csv", line: 2, expected: 7, found: 6)
        ) {
            try table(["1,0,0.01,0.001,16,mse"])
        }
        #expect(
            throws: SearchTableError.duplicate(
                file: "grid.csv", line: 3,
                config: "lr=0.01,weight_decay=0.001,batch_size=16,loss=mse")
        ) {
            try table(["1,0,0.01,0.001,16,mse,0.5", "2,1,0.01,0.001,16,mse,0.4"])
        }
        #expect(throws: SearchTableError.notAFullGrid(file: "grid.csv", configs: 3, expected: 4)) {
            try table([
                "1,0,0.01,0.001,16,mse,0.5", "2,1,0.1,0.001,16,mse,0.25",
                "3,2,0.01,0.001,16,ce,0.125",
            ])
        }
        #expect(throws: SearchTableError.unreadable(file: "/nonexistent/grid.csv")) {
            try SearchTable(contentsOf: "/nonexistent/grid.csv", objective: "ap_small")
        }
    }

    @Test func quotedFieldsAreUnquoted() throws {
        let parsed = try SearchTable(
            csv: "\"lr\",weight_decay,batch_size,loss,ap_small,note\n"
                + "0.01,0.001,16,mse,0.5,\"a \"\"b\"\", c\"\n",
            file: "grid.csv", objective: "ap_small")
        #expect(parsed.objectives.count == 1)
        #expect(parsed.best == 0.5)
    }

    @Test func errorMessagesSayWhereAndWhat() {
        #expect(
            SearchTableError.badValue(file: "grid.csv", line: 4, column: "lr", text: "x")
                .description == "grid.csv:4: lr: 'x' is not a valid value")
    }
}
