import Testing

@testable import Trainer

@Suite struct DetectorTests {
    private let tiny = DetectorArchitecture(stages: [
        .init(channels: 4, stride: 2), .init(channels: 5, stride: 2),
    ])

    @Test func outputIsStride4WithClassAndBoxChannels() {
        let detector = Detector(classCount: 3, seed: 1)
        #expect(detector.stride == 4)
        let out = detector.forward(Tensor(2, 3, 32, 24), training: false)
        #expect(out.shape == [2, 7, 8, 6])
    }

    @Test func headGradientsMatchFiniteDifferences() {
        let detector = Detector(classCount: 2, architecture: tiny, seed: 2)
        let features = GradientCheck.random(2, 5, 3, 3, seed: 3)
        GradientCheck.checkLayer(
            "head", detector.head, input: features, parameterTensors: 2)
    }

    @Test func wholeNetworkGradientsMatchFiniteDifferences() {
        let detector = Detector(classCount: 2, architecture: tiny, seed: 4)
        let images = GradientCheck.random(2, 3, 8, 8, seed: 5)
        // Per stage a bias-free conv weight and BatchNorm scale and shift; the head's weight and
        // bias.
        GradientCheck.checkLayer(
            "network", detector.network, input: images,
            parameterTensors: 3 * tiny.stages.count + 2, checkInput: false, eps: 1e-2,
            rtol: 3e-2, atol: 2e-3)
    }

    @Test func sameSeedSameWeightsOtherSeedOtherWeights() {
        let a = Detector(classCount: 2, seed: 7).parameters.map(\.value.values)
        let b = Detector(classCount: 2, seed: 7).parameters.map(\.value.values)
        let c = Detector(classCount: 2, seed: 8).parameters.map(\.value.values)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func heatmapBiasStartsAtTheBackgroundPrior() {
        let head = Detector(classCount: 2, seed: 1).head
        #expect(abs(head.bias!.value[0] - -2.1972246) < 1e-5)
        #expect(head.bias!.value[2] == 0)
    }

    /// The detector's convolutions give the same bits on every instruction set of `CKernels`
    /// (BatchNorm, SiLU layers and the losses are plain Swift, the same everywhere).
    @Test(.enabled(if: SmallGEMMInstructionSet.runnable.count > 1, "needs AVX-512"))
    func everyInstructionSetGivesTheSameGradients() {
        // Rows of 64 and 32: the small kernels read them in place.
        let images = GradientCheck.random(2, 3, 16, 128, seed: 9)
        let passes = SmallGEMMInstructionSet.runnable.map { set -> [[Float]] in
            let detector = Detector(classCount: 2, seed: 10)
            for case let conv as Conv2D in detector.network.layers { conv.gemmKernel = .small(set) }
            let out = detector.forward(images, training: true)
            _ = detector.network.backward(
                GradientCheck.random(out.n, out.c, out.h, out.w, seed: 11))
            return [out.values] + detector.parameters.map(\.gradient.values)
        }
        #expect(passes.dropFirst().allSatisfy { $0 == passes[0] })
    }
}
