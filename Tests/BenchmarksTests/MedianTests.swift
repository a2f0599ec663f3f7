import Testing

@testable import Benchmarks

@Suite struct MedianTests {
    @Test func oddCountsTakeTheMiddleAndEvenCountsTheMeanOfTheMiddleTwo() {
        #expect(Median.of([3, 1, 2]) == 2)
        #expect(Median.of([4, 1, 3, 2]) == 2.5)
        #expect(Median.of([]) == 0)
    }
}
