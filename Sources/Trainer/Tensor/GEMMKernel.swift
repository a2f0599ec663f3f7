import CKernels

/// Which code computes a convolution's GEMMs.
///
/// The convolutions' products are small in one dimension (16–64 channels) and long in another
/// (thousands of pixels), where OpenBLAS's blocking for large square matrices wastes much of the
/// processor. `CKernels`'s kernels are written for these shapes; they also sum every element
/// in one fixed order, so their results are the same bits on every processor with AVX2.
public enum GEMMKernel: Sendable, Hashable, CustomStringConvertible {
    /// OpenBLAS's `cblas_sgemm`.
    case openBLAS
    /// `CKernels`'s kernels with the given instruction set.
    case small(SmallGEMMInstructionSet)

    /// The small kernels with the widest instruction set this processor runs, else OpenBLAS.
    public static let best: GEMMKernel =
        SmallGEMMInstructionSet.widest.map { .small($0) } ?? .openBLAS

    /// Every kernel this processor runs, OpenBLAS first.
    public static var available: [GEMMKernel] {
        [.openBLAS] + SmallGEMMInstructionSet.runnable.map { .small($0) }
    }

    /// The kernel called `name` (its ``description``), if this processor runs it.
    public init?(named name: String) {
        guard let kernel = Self.available.first(where: { $0.description == name }) else {
            return nil
        }
        self = kernel
    }

    public var description: String {
        switch self {
        case .openBLAS: "openblas"
        case .small(let set): set.rawValue
        }
    }

    /// `C = A·B`, or `C += A·B` with `accumulate`, row-major: `A` is `m × k` with `A(i, p)` at
    /// `a[i·aRowStride + p·aColumnStride]` (one of the strides must be 1), `B` is `k × n` with
    /// rows of `ldb`, `C` is `m × n` with rows of `ldc`.
    public func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int,
        b: UnsafePointer<Float>, ldb: Int, accumulate: Bool, c: UnsafeMutablePointer<Float>,
        ldc: Int
    ) {
        precondition(
            m >= 0 && n >= 0 && k >= 0 && ldb >= 0 && ldc >= n,
            "GEMMKernel: sizes \(m)×\(n)×\(k) with ldb \(ldb), ldc \(ldc)")
        switch self {
        case .openBLAS:
            precondition(
                aColumnStride == 1 || aRowStride == 1, "GEMMKernel: A needs a unit stride")
            let transposed = aColumnStride != 1
            BLAS.gemm(
                transA: transposed, m: m, n: n, k: k, a: a,
                lda: transposed ? aColumnStride : aRowStride, b: b, ldb: ldb,
                beta: accumulate ? 1 : 0, c: c, ldc: ldc)
        case .small(let set):
            var problem = small_gemm_problem(
                m: m, n: n, k: k, a: a, a_row_stride: aRowStride, a_column_stride: aColumnStride,
                a_row_offsets: nil, a_depth_group_length: 0, a_depth_group_stride: 0, b: b,
                ldb: ldb, b_row_offsets: nil, b_group_length: 0, b_group_stride: 0, c: c,
                ldc: ldc, accumulate: accumulate ? 1 : 0)
            set.multiply(&problem)
        }
    }
}

/// The instruction sets `CKernels` has kernels for, narrowest first.
public enum SmallGEMMInstructionSet: String, Sendable, CaseIterable, Comparable {
    case avx2
    case avx512

    /// The widest one this processor runs; `nil` without AVX2 and FMA.
    public static let widest: SmallGEMMInstructionSet? =
        switch ckernels_best_isa() {
        case CKERNELS_AVX512: .avx512
        case CKERNELS_AVX2: .avx2
        default: nil
        }

    /// Every one this processor runs, narrowest first (none without AVX2 and FMA).
    public static let runnable = allCases.filter { set in widest.map { set <= $0 } ?? false }

    /// Computes `problem` (`small_gemm`), stopping on a status other than 0.
    func multiply(_ problem: inout small_gemm_problem) {
        check(small_gemm(kernelValue, &problem))
    }

    /// Stops on a `CKernels` call's status other than 0: -1, the kernel was asked of a
    /// processor without this instruction set (``GEMMKernel/small(_:)`` built by hand); -2, a
    /// product's columns do not divide into its groups.
    func check(_ status: Int32) {
        precondition(
            status == 0,
            status == -1
                ? "CKernels: \(rawValue) does not run on this processor"
                : "CKernels: a product's columns do not divide into its groups")
    }

    var kernelValue: ckernels_isa {
        switch self {
        case .avx2: CKERNELS_AVX2
        case .avx512: CKERNELS_AVX512
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
