import Foundation
import Testing

@testable import Trainer

@Suite struct TrainingReportTests {
    private let metrics = DetectionMetrics(
        ap: 0.1, ap50: 0.2, ap75: 0.05, apSmall: 0.09, apMedium: 0.3, apLarge: -1, ar1: 0.1,
        ar10: 0.2, ar100: 0.25, arSmall: 0.2, arMedium: 0.4, arLarge: -1, ap50Small: 0.18,
        apVeryTiny: 0.01, apTiny: 0.05, apTinySmall: 0.1)

    @Test func jsonIsOneLineWithStatusMetricsAndTiming() throws {
        let result = TrainingResult(
            status: .completed, epochs: 3, metrics: metrics, seconds: 1.5, imagesPerSecond: 40)
        let line = TrainingReport.json(result)
        #expect(!line.contains("\n"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "completed")
        #expect(object["epochs"] as? Int == 3)
        #expect(object["ap50_small"] as? Double == 0.18)
        #expect(object["images_per_second"] as? Double == 40)
        for key in ["ap", "ap50", "ap75", "ap_small", "ap_medium", "ap_large", "ar100", "seconds"] {
            #expect(object[key] != nil, "\(key)")
        }
    }

    @Test func divergedRunsCarryTheirReason() throws {
        let result = TrainingResult(
            status: .diverged, epochs: 0, metrics: nil, seconds: 0.2, imagesPerSecond: 0,
            reason: "loss became nan")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(TrainingReport.json(result).utf8))
                as? [String: Any])
        #expect(object["status"] as? String == "diverged")
        #expect(object["reason"] as? String == "loss became nan")
        #expect(TrainingReport.summary(result).contains("reason: loss became nan"))
    }
}
