import COpenBLAS

/// The few OpenBLAS calls the trainer uses, with sizes checked and converted to `blasint`.
public enum BLAS {
    /// Sets the number of OpenBLAS threads for this process. Sweeps run one trial per process
    /// with one thread each; results are bit-reproducible with one thread.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "BLAS.setThreads: \(count) < 1")
        openblas_set_num_threads(Int32(count))
    }

    /// `C = alpha * op(A) * op(B) + beta * C`, row-major; `op(A)` is `m × k`, `op(B)` is `k × n`.
    /// Leading dimensions are the row lengths of the matrices as stored.
    public static func gemm(
        transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(
            m > 0 && n > 0 && k > 0 && m < Int32.max && n < Int32.max && k < Int32.max,
            "BLAS.gemm: sizes \(m)×\(n)×\(k) out of range")
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
