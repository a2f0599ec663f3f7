import Testing

@testable import Trainer

@Suite struct VectorMathTransposeTests {
    @Test(arguments: [(1, 1), (8, 8), (16, 4096), (13, 21), (27, 9), (64, 1024), (3, 40)])
    func everyKernelTransposes(rows: Int, columns: Int) {
        let source = GradientCheck.random(1, 1, rows, columns, seed: 70)
        for kernel in GEMMKernel.available {
            let target = Tensor(1, 1, columns, rows)
            target.fill(.nan)
            VectorMath.transpose(
                source.data, rows: rows, columns: columns, into: target.data, using: kernel)
            let transposed = (0..<columns * rows).allSatisfy { index in
                let (column, row) = index.quotientAndRemainder(dividingBy: rows)
                return target[index] == source[row * columns + column]
            }
            #expect(transposed, "\(kernel) \(rows)×\(columns)")
        }
    }
}
