import FoiaTestSupport
import Foundation
import Redaction
import Testing

/// `Pipelines/pii/RULES.md` lists the rules as loaded; it must not go stale.
@Suite struct RuleListingTests {
    @Test func listingIsUpToDate() throws {
        let path = TestRules.folder + "/RULES.md"
        let expected = TestRules.rules.markdownListing
        if ProcessInfo.processInfo.environment["RECORD_RULES"] != nil {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); rerun without RECORD_RULES")
            return
        }
        let current = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(
            current == expected,
            "Pipelines/pii/RULES.md is out of date. Run: RECORD_RULES=1 swift test --filter RuleListingTests")
    }
}
