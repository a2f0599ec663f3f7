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

    @Test(arguments: [
        (3, 1, 1, 40, 37), (3, 2, 1, 40, 37), (3, 2, 0, 9, 33), (5, 3, 2, 11, 19), (1, 1, 0, 5, 21),
        (3, 1, 1, 128, 128), (3, 2, 1, 64, 64), (7, 2, 3, 17, 50), (3, 2, 2, 6, 5),
    ])
    func vectorKernelsMatchThePlainLoops(
        kernel: Int, stride: Int, padding: Int, height: Int, width: Int
    ) {
        let g = ConvGeometry(
            inChannels: 3, inHeight: height, inWidth: width, kernel: kernel, stride: stride,
            padding: padding)
        let image = GradientCheck.random(1, 3, height, width, seed: 63)
        let middle = g.outHeight / 3..<max(g.outHeight / 3 + 1, 2 * g.outHeight / 3)
        for rows in [0..<g.outHeight, middle] {
            let count = g.rows * rows.count * g.outWidth
            let columns = GradientCheck.random(1, 1, 1, count, seed: 64)
            let expectedColumns = Tensor(1, 1, 1, count)
            g.im2col(image.data, into: expectedColumns.data, outputRows: rows)
            let expectedImage = GradientCheck.random(1, 3, height, width, seed: 65)
            let startImage = expectedImage.values
            g.col2im(columns.data, addingInto: expectedImage.data, outputRows: rows)
            for kernel in GEMMKernel.available where kernel != .openBLAS {
                let gathered = Tensor(1, 1, 1, count)
                gathered.fill(.nan)
                g.im2col(image.data, into: gathered.data, outputRows: rows, using: kernel)
                #expect(gathered.values == expectedColumns.values, "im2col \(kernel) \(rows)")
                let scattered = Tensor(1, 3, height, width)
                for i in 0..<scattered.count { scattered[i] = startImage[i] }
                g.col2im(columns.data, addingInto: scattered.data, outputRows: rows, using: kernel)
                #expect(scattered.values == expectedImage.values, "col2im \(kernel) \(rows)")
            }
        }
    }
}
