import Testing

@testable import Trainer

/// The dataset's draws from ``SplitMix64``: sub-streams and `Float` uniforms.
@Suite struct SplitMix64DatasetTests {
    /// Sub-streams of one seed differ from each other and from the plain stream.
    @Test func subStreamsAreDistinct() {
        var plain = SplitMix64(seed: 5)
        var first = SplitMix64(seed: 5, stream: 1)
        var second = SplitMix64(seed: 5, stream: 2)
        #expect(Set([plain.next(), first.next(), second.next()]).count == 3)
    }

    @Test func floatDrawsStayInTheirRanges() {
        var generator = SplitMix64(seed: 3, stream: 0)
        #expect((0..<1000).map { _ in generator.unit() }.allSatisfy { $0 >= 0 && $0 < 1 })
        let ints = (0..<1000).map { _ in generator.int(in: -2...2) }
        #expect(Set(ints) == Set(-2...2))
    }
}
