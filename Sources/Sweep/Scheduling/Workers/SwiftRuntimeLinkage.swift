import Foundation

/// How a process links the Swift runtime. Every trial starts a fresh worker process, and on Linux
/// a statically linked runtime (`swift build --static-swift-stdlib`) starts faster than the shared
/// libraries (no symbol lookups across a dozen `.so` files), so `bench orchestrator` names the
/// linkage beside its overhead figure.
public enum SwiftRuntimeLinkage: String, Sendable, Equatable {
    /// The runtime is part of the executable.
    case `static`
    /// The runtime is loaded from `libswiftCore.so`.
    case shared
    /// The process map could not be read (no `/proc`).
    case unknown

    /// The running process's linkage.
    public static var current: SwiftRuntimeLinkage {
        guard let data = ProcFile.contents("/proc/self/maps"), !data.isEmpty else {
            return .unknown
        }
        return from(processMaps: String(decoding: data, as: UTF8.self))
    }

    /// The linkage a `/proc/PID/maps` text shows: shared when `libswiftCore.so` is mapped.
    public static func from(processMaps maps: String) -> SwiftRuntimeLinkage {
        maps.contains("/libswiftCore.so") ? .shared : .static
    }
}
