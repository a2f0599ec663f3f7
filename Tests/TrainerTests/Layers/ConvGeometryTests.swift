import Testing

@testable import Trainer

@Suite struct ConvGeometryTests {
    @Test(arguments: [(3, 1, 1), (3, 2, 1), (3, 2, 0), (5, 3, 2)])
    func col2imIsTheAdjointOfIm2col(kernel: Int, stride: Int, padding: Int) {
        let g = ConvGeometry(
            inChannels: 2, inHeight: 7, inWidth: 6, kernel: kernel, stride: stride,
            padding: padding)
        let x = GradientCheck.random(1, 2, 7, 6, seed: 61)
        let c = GradientCheck.random(1, 1, g.rows, g.cols, seed: 62)
        let columns = Tensor(1, 1, g.rows, g.cols)
        g.im2col(x.data, into: columns.data)
        let back = Tensor(1, 2, 7, 6)
        g.col2im(c.data, addingInto: back.data)
        var left = 0.0
        var right = 0.0
        for i in 0..<columns.count { left += Double(columns[i]) * Double(c[i]) }
        for i in 0..<x.count { right += Double(x[i]) * Double(back[i]) }
        #expect(abs(left - right) < 1e-4)
    }

    @Test func outputSizes() {
        let g = ConvGeometry(
            inChannels: 3, inHeight: 128, inWidth: 128, kernel: 3, stride: 2,
            padding: 1)
        #expect(g.outHeight == 64 && g.outWidth == 64 && g.rows == 27)
    }
}
