import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension WorkerProcess {
    /// The orchestrator ignores SIGPIPE once, so a worker that closes its stdin early (or dies)
    /// makes a write fail with EPIPE instead of killing the orchestrator.
    private static let ignoreBrokenPipes: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// `posix_spawn`s `argv` in a new process group with `childFDs` as its stdin, stdout and
    /// stderr and no other open descriptor, default signal handlers and an empty signal mask (the orchestrator ignores SIGINT,
    /// SIGTERM and SIGPIPE; a worker must not inherit that). Returns 0 or an `errno` value.
    static func spawnProcess(
        _ pid: inout pid_t, argv: [String], environment: [String: String], workdir: String? = nil,
        childFDs: (stdin: Int32, stdout: Int32, stderr: Int32)
    ) -> Int32 {
        _ = ignoreBrokenPipes
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childFDs.stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, childFDs.stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, childFDs.stderr, 2)
        // Nothing else the orchestrator holds reaches the worker: an inherited descriptor (such
        // as the pipe a parent watches to see the orchestrator exit) would outlive it.
        for fd in inheritedDescriptors() {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        if let workdir {
            let status = SpawnChangeDirectory.add(&actions, workdir)
            guard status == 0 else { return status }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment =
            environment.sorted { $0.key < $1.key }.map { strdup("\($0)=\($1)") }
            + [nil]
        defer {
            for pointer in cArguments + cEnvironment { free(pointer) }
        }
        return posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
    }

    /// The open descriptors above stderr (from `/proc/self/fd`; glibc ignores closing one that
    /// was closed since, and `posix_spawn_file_actions_addclosefrom_np` is not importable).
    private static func inheritedDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap(Int32.init).filter { $0 > 2 }.sorted()
    }
}
