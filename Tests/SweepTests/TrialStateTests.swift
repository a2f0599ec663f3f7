import Testing
@testable import Sweep

@Suite struct TrialStateTests {
    @Test func finalStatesAreNotRunAgain() {
        #expect(TrialState.completed.isFinal)
        #expect(TrialState.pruned.isFinal)
        #expect(!TrialState.queued.isFinal)
        #expect(!TrialState.interrupted.isFinal)
    }
}
