import Testing
@testable import Trainer

@Suite struct VectorMathGatherTests {
    @Test(arguments: [1, 2, 7, 8, 9, 16, 17, 31, 64])
    func copyEvenTakesEveryOtherFloat(count: Int) {
        let sourceCount = 2 * (count - 1) + 1
        let source = UnsafeMutablePointer<Float>.allocate(capacity: sourceCount)
        let target = UnsafeMutablePointer<Float>.allocate(capacity: count + 1)
        defer {
            source.deallocate()
            target.deallocate()
        }
        for i in 0..<sourceCount { source[i] = Float(i) }
        target[count] = -1
        VectorMath.copyEven(source, to: target, count: count)
        #expect((0..<count).allSatisfy { target[$0] == Float(2 * $0) })
        #expect(target[count] == -1)
    }
}
