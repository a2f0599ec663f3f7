import Testing

@testable import Benchmarks
@testable import Trainer

@Suite struct ReferenceNetworkTests {
    @Test func r1HasTheReferenceShapesAndRunsBothPasses() {
        let r1 = ReferenceNetwork.r1(seed: 1)
        let convs = r1.layers.compactMap { $0 as? Conv2D }
        #expect(convs.map(\.outChannels) == [16, 32, 32, 64, 64, 8])
        #expect(convs.map(\.stride) == [1, 2, 1, 2, 1, 1])
        #expect(r1.layers.filter { $0 is SiLU }.count == 5)
        let out = r1.forward(BenchmarkFixtures.random(2, 3, 16, 16, seed: 2), training: true)
        #expect(out.shape == [2, 8, 4, 4])
        _ = r1.backward(BenchmarkFixtures.random(2, 8, 4, 4, seed: 3))
        #expect(convs[0].weight.gradient.values.contains { $0 != 0 })
    }
}
