import Foundation
import Testing

@testable import Sweep

/// ``BayesEncoding``: ranges to the unit cube, number lists by rank, text lists categorical.
@Suite struct BayesEncodingTests {
    private func encoding(_ domains: [(Hyperparameter, ParameterDomain)]) throws -> BayesEncoding {
        BayesEncoding(dimensions: try domains.map { try TPEDimension($0.0, $0.1) })
    }

    @Test func rangesMapToTheUnitCubeAndBack() throws {
        let encoding = try encoding([
            (.lr, .logUniform(min: 0.001, max: 0.1)), (.batchSize, .intUniform(min: 1, max: 4)),
        ])
        // log 0.01 is half way between log 0.001 and log 0.1; batch 1 is the middle of [0.5, 4.5].
        let unit = encoding.unit([log(0.01), 1])
        #expect(abs(unit[0] - 0.5) < 1e-12)
        #expect(abs(unit[1] - 0.125) < 1e-12)
        let back = encoding.kernelScale(unit)
        #expect(abs(back[0] - log(0.01)) < 1e-12)
        #expect(abs(back[1] - 1) < 1e-12)
        #expect(encoding.categorical == [false, false])
    }

    @Test func numberListsKeepTheirOrderAndTextListsAreCategorical() throws {
        let encoding = try encoding([
            (.lr, .values([.number(0.1), .number(0.001), .number(0.01)])),
            (.loss, .values([.text("mse"), .text("ce")])),
        ])
        #expect(encoding.categorical == [false, true])
        // 0.1 is the largest of three (rank 2 → 1), 0.001 the smallest (→ 0); ce stays index 1.
        #expect(encoding.unit([0, 1]) == [1, 1])
        #expect(encoding.unit([1, 0]) == [0, 0])
        #expect(encoding.unit([2, 0]) == [0.5, 0])
        #expect(encoding.unit([TPESearch.inactive, 0])[0].isNaN)
    }
}
