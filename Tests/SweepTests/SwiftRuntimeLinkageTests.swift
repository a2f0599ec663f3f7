import Testing

@testable import Sweep

/// Reading the Swift runtime's linkage from a process map.
@Suite struct SwiftRuntimeLinkageTests {
    @Test func aMappedLibswiftCoreMeansShared() {
        let maps = """
            55d0c2a00000-55d0c2b00000 r-xp 00000000 08:01 1234 /work/.build/release/sweep-cli
            7f1e2a000000-7f1e2a400000 r-xp 00000000 08:01 5678 /opt/swift/lib/libswiftCore.so
            """
        #expect(SwiftRuntimeLinkage.from(processMaps: maps) == .shared)
    }

    @Test func noLibswiftCoreMeansStatic() {
        let maps = """
            55d0c2a00000-55d0c2b00000 r-xp 00000000 08:01 1234 /work/.build/release/sweep-cli
            7f1e2a000000-7f1e2a200000 r-xp 00000000 08:01 91 /lib/x86_64-linux-gnu/libc.so.6
            """
        #expect(SwiftRuntimeLinkage.from(processMaps: maps) == .static)
    }

    #if os(Linux)
        /// Test builds link the shared runtime (SwiftPM's default), so the live reading must say so.
        @Test func theTestProcessLinksTheSharedRuntime() {
            #expect(SwiftRuntimeLinkage.current == .shared)
        }
    #endif
}
