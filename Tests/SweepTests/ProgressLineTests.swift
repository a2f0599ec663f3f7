import Foundation
import Testing
import Trainer

@testable import Sweep

/// `run`'s progress text as pure functions of the counts.
@Suite struct ProgressLineTests {
    @Test func theLiveLineShowsCountsBestAndTimeLeft() {
        let progress = SweepProgress(
            total: 10, done: 4, running: 2, failed: 1, bestObjective: 0.123456, elapsed: 65,
            finishedThisRun: 4, trialSecondsThisRun: 120, jobs: 2)
        #expect(progress.estimatedSecondsLeft == 90)
        #expect(
            ProgressLine.live(progress)
                == "[4/10 done] running 2 · failed 1 · best ap_small 0.1235 · elapsed 1m05s · "
                + "eta 1m30s")
    }

    @Test func beforeAnyResultTheLiveLineHasNoBestNorEstimate() {
        let line = ProgressLine.live(SweepProgress(total: 6, running: 2, elapsed: 3, jobs: 2))
        #expect(
            line == "[0/6 done] running 2 · failed 0 · best ap_small - · elapsed 3.0s · eta -")
    }

    @Test func thePlainLineNamesTheTrialItsStateAndMetric() {
        let trial = StoreFixtures.trial(3, lr: 0.01, batchSize: 16, loss: .ce)
        let completed = StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.25))
        let progress = SweepProgress(total: 8, done: 5)
        #expect(
            ProgressLine.trialEnded(trial, completed, seconds: 12.34, progress: progress)
                == "[5/8] trial 3 lr=0.01 weight_decay=0.0005 batch_size=16 loss=ce: completed "
                + "ap_small=0.2500 12.3s")
        let failed = TrialOutcome(state: .failed, error: "worker exit code 3 after epoch 1")
        #expect(
            ProgressLine.trialEnded(trial, failed, seconds: 2, progress: progress)
                == "[5/8] trial 3 lr=0.01 weight_decay=0.0005 batch_size=16 loss=ce: failed 2.0s "
                + "(worker exit code 3 after epoch 1)")
        let pruned = TrialOutcome(state: .pruned, epochsReached: 2, error: "below median")
        #expect(
            ProgressLine.trialEnded(trial, pruned, seconds: 2, progress: progress)
                .hasSuffix("pruned at epoch 2 2.0s (below median)"))
    }

    @Test func theSummarySaysWhyTheRunEnded() {
        let summary = RunSummary(
            ending: .timeBudget, total: 12, outcomes: [.completed: 5, .failed: 1], retries: 2,
            remaining: 6, seconds: 3600)
        #expect(
            ProgressLine.summary(summary)
                == "run: 6 of 12 trials finished this run (5 completed, 1 failed), 2 retried, "
                + "6 left, 1h00m; time budget reached; run again to continue")
        let stopped = RunSummary(
            ending: .stopped, total: 3, outcomes: [.interrupted: 2], retries: 0, remaining: 3,
            seconds: 5)
        #expect(
            ProgressLine.summary(stopped)
                == "run: 0 of 3 trials finished this run (2 interrupted), 0 retried, 3 left, "
                + "5.0s; stopped; run again to continue")
    }

    @Test func setAsideTrialsAreCountedInTheNoteAndTheSummary() {
        #expect(ProgressLine.setAside(1).hasPrefix("note: 1 queued trial is no longer in"))
        #expect(ProgressLine.setAside(3).hasPrefix("note: 3 queued trials are no longer in"))
        let summary = RunSummary(
            ending: .allFinished, total: 2, outcomes: [.completed: 2], retries: 0,
            remaining: 0, setAside: 3, seconds: 5)
        #expect(
            ProgressLine.summary(summary)
                == "run: 2 of 2 trials finished this run (2 completed), 0 retried, 0 left, "
                + "3 no longer in the sweep file not run, 5.0s; all trials done")
    }

    @Test func theSmallerTimeBudgetWins() throws {
        var spec = SchedulerFixtures.spec(timeBudget: 3600)
        #expect(SchedulerOptions(spec: spec, jobs: 1, timeBudget: 60).timeBudget == 60)
        #expect(SchedulerOptions(spec: spec, jobs: 1, timeBudget: 7200).timeBudget == 3600)
        spec.timeBudget = nil
        #expect(SchedulerOptions(spec: spec, jobs: 1, timeBudget: 60).timeBudget == 60)
        #expect(SchedulerOptions(spec: spec, jobs: 1).timeBudget == nil)
        #expect(try SchedulerOptions.seconds("1h30m", option: "--time-budget") == 5400)
        #expect(throws: SchedulerError.self) {
            try SchedulerOptions.seconds("soon", option: "--time-budget")
        }
    }
}
