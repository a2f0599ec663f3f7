#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+, macOS 10.15+), looked up at run time:
/// Swift does not import it from `spawn.h`. A spawned program starts in the folder it names,
/// without the orchestrator changing its own.
enum SpawnChangeDirectory {
    private typealias AddChdir =
        @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
        ) -> Int32

    private static let function: AddChdir? = {
        #if canImport(Glibc)
            let everything = UnsafeMutableRawPointer(bitPattern: 0)
        #else
            let everything = UnsafeMutableRawPointer(bitPattern: -2)
        #endif
        return dlsym(everything, "posix_spawn_file_actions_addchdir_np").map {
            unsafeBitCast($0, to: AddChdir.self)
        }
    }()

    /// Adds "change to `folder`" to `actions`; 0, or an `errno` value (`ENOSYS` where the C
    /// library has no such action).
    static func add(_ actions: inout posix_spawn_file_actions_t, _ folder: String) -> Int32 {
        guard let function else { return ENOSYS }
        return function(&actions, folder)
    }
}
