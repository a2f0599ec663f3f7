import Testing

@testable import Trainer

@Suite struct GEMMKernelTests {
    /// One product's operands: `A` read through strides (transposed or not), `B` and `C` with
    /// rows longer than their columns, so that every index is exercised.
    struct Product {
        let m: Int, n: Int, k: Int
        let transposedA: Bool
        let accumulate: Bool
        var a: [Float], b: [Float], c: [Float]
        var aRowStride: Int { transposedA ? 1 : k + 3 }
        var aColumnStride: Int { transposedA ? m + 2 : 1 }
        var ldb: Int { n + 1 }
        var ldc: Int { n + 2 }

        init(m: Int, n: Int, k: Int, transposedA: Bool, accumulate: Bool, seed: UInt64) {
            self.m = m
            self.n = n
            self.k = k
            self.transposedA = transposedA
            self.accumulate = accumulate
            var rng = SplitMix64(seed: seed)
            func draws(_ count: Int) -> [Float] {
                (0..<count).map { _ in Float(rng.next() >> 40) * 0x1p-24 * 2 - 1 }
            }
            a = draws(transposedA ? max(k, 1) * (m + 2) : m * (k + 3))
            b = draws(max(k, 1) * (n + 1))
            c = draws(m * (n + 2))
        }

        /// `C` as `kernel` computes it.
        func result(_ kernel: GEMMKernel) -> [Float] {
            var out = c
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { c in
                        kernel.multiply(
                            m: m, n: n, k: k, a: a.baseAddress!, aRowStride: aRowStride,
                            aColumnStride: aColumnStride, b: b.baseAddress!, ldb: ldb,
                            accumulate: accumulate, c: c.baseAddress!, ldc: ldc)
                    }
                }
            }
            return out
        }

        /// `C` summed in the kernels' documented order: from 0 or the old value, one fused
        /// multiply-add per depth.
        var inOrder: [Float] {
            var out = c
            for i in 0..<m {
                for j in 0..<n {
                    var sum = accumulate ? c[i * ldc + j] : 0
                    for p in 0..<k {
                        sum = sum.addingProduct(
                            a[i * aRowStride + p * aColumnStride], b[p * ldb + j])
                    }
                    out[i * ldc + j] = sum
                }
            }
            return out
        }
    }

    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (8, 32, 5), (9, 33, 17), (16, 16, 300), (27, 16, 513), (3, 70, 0),
        (17, 8, 40), (40, 7, 260), (64, 100, 31), (70, 40, 9), (13, 47, 600),
    ]

    @Test(
        .enabled(if: !SmallGEMMInstructionSet.runnable.isEmpty, "needs AVX2"),
        arguments: SmallGEMMInstructionSet.runnable)
    func smallKernelsSumInTheDocumentedOrder(set: SmallGEMMInstructionSet) {
        for (index, shape) in Self.shapes.enumerated() {
            for transposedA in [false, true] {
                for accumulate in [false, true] {
                    let product = Product(
                        m: shape.m, n: shape.n, k: shape.k, transposedA: transposedA,
                        accumulate: accumulate, seed: UInt64(index))
                    #expect(
                        product.result(.small(set)) == product.inOrder,
                        "\(set) \(shape) transposedA \(transposedA) accumulate \(accumulate)")
                }
            }
        }
    }

    @Test func everyKernelAgreesWithOpenBLAS() {
        for (index, shape) in Self.shapes.enumerated() where shape.k > 0 {
            let product = Product(
                m: shape.m, n: shape.n, k: shape.k, transposedA: index % 2 == 0,
                accumulate: index % 3 == 0, seed: UInt64(100 + index))
            let reference = product.result(.openBLAS)
            for kernel in GEMMKernel.available {
                let result = product.result(kernel)
                let worst = zip(result, reference).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 1e-4 * Float(shape.k + 1), "\(kernel) \(shape): \(worst)")
            }
        }
    }

    @Test func kernelsAreNamedAsTheCommandLineWritesThem() {
        #expect(GEMMKernel(named: "openblas") == .openBLAS)
        #expect(GEMMKernel(named: "avx3") == nil)
        for kernel in GEMMKernel.available {
            #expect(GEMMKernel(named: kernel.description) == kernel)
        }
        #expect(GEMMKernel.available.contains(.best))
    }
}
