import Testing

@testable import Trainer

@Suite struct BatchNorm2DTests {
    private func layer() -> BatchNorm2D {
        let bn = BatchNorm2D(3)
        for c in 0..<3 {
            bn.scale.value[c] = 0.5 + Float(c) * 0.4
            bn.shift.value[c] = Float(c) * 0.2 - 0.1
        }
        return bn
    }

    @Test func trainModeGradientsMatchFiniteDifferences() {
        let input = GradientCheck.random(3, 3, 4, 5, seed: 11, scale: 2)
        GradientCheck.checkLayer(
            "bn train", layer(), input: input, parameterTensors: 2, training: true, eps: 1e-2)
    }

    @Test func evalModeGradientsMatchFiniteDifferences() {
        let bn = layer()
        for c in 0..<3 {
            bn.runningMean[c] = Float(c) * 0.3
            bn.runningVariance[c] = 0.5 + Float(c)
        }
        let input = GradientCheck.random(2, 3, 3, 3, seed: 12)
        GradientCheck.checkLayer(
            "bn eval", bn, input: input, parameterTensors: 2, training: false)
    }

    @Test func trainModeNormalisesWithBatchStatisticsAndUpdatesRunningStats() {
        let bn = BatchNorm2D(1, momentum: 0.5)
        let input = Tensor(2, 1, 1, 2, values: [1, 2, 3, 6])
        let out = bn.forward(input, training: true).values
        let mean = out.reduce(0, +) / 4
        let variance = out.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
        #expect(abs(mean) < 1e-5)
        #expect(abs(variance - 1) < 1e-3)
        #expect(abs(bn.runningMean[0] - 0.5 * 3) < 1e-5)
        #expect(abs(bn.runningVariance[0] - (0.5 + 0.5 * 14 / 3)) < 1e-4)
    }

    @Test func evalModeUsesRunningStatisticsSoBatchCompositionDoesNotMatter() {
        let bn = BatchNorm2D(1)
        bn.runningMean[0] = 2
        bn.runningVariance[0] = 4
        let alone = bn.forward(Tensor(1, 1, 1, 1, values: [4]), training: false)[0]
        let together = bn.forward(Tensor(2, 1, 1, 1, values: [4, -10]), training: false)[0]
        #expect(abs(alone - 1) < 1e-4)
        #expect(alone == together)
    }
}
