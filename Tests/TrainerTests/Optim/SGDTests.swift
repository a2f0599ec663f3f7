import Testing

@testable import Trainer

@Suite struct SGDTests {
    @Test func momentumAndWeightDecaySkipNonDecayingParameters() {
        let weight = Parameter(name: "w", value: Tensor(1, 1, 1, 1, values: [2]), decays: true)
        let bias = Parameter(name: "b", value: Tensor(1, 1, 1, 1, values: [2]), decays: false)
        let sgd = SGD(parameters: [weight, bias], momentum: 0.9, weightDecay: 0.1)
        weight.gradient[0] = 1
        bias.gradient[0] = 1
        sgd.step(lr: 0.5)
        // v = 1 + 0.1·2 = 1.2 → w = 2 − 0.6; bias: v = 1 → b = 2 − 0.5.
        #expect(abs(weight.value[0] - 1.4) < 1e-6)
        #expect(abs(bias.value[0] - 1.5) < 1e-6)
        sgd.step(lr: 0.5)
        // v = 0.9·1.2 + 1 + 0.1·1.4 = 2.22 → w = 1.4 − 1.11; bias: v = 1.9 → b = 1.5 − 0.95.
        #expect(abs(weight.value[0] - 0.29) < 1e-5)
        #expect(abs(bias.value[0] - 0.55) < 1e-5)
    }

    @Test func detectorExemptsBiasesAndBatchNormFromDecay() {
        let detector = Detector(classCount: 2, seed: 1)
        for parameter in detector.parameters {
            #expect(parameter.decays == (parameter.name == "conv.weight"), "\(parameter.name)")
        }
        #expect(detector.parameters.contains { !$0.decays && $0.name == "bn.scale" })
        #expect(detector.parameters.contains { !$0.decays && $0.name == "conv.bias" })
    }
}
