import FoiaCore
import Foundation
import Redaction
import Testing

/// Prints how a text file is redacted, for whoever tunes the rules:
/// `FOIAPIPE_REDACTION_DEBUG=file.txt swift test --filter DebugTests`.
@Suite struct DebugTests {
    static let file = ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_DEBUG"]

    @Test(.enabled(if: file != nil, "set FOIAPIPE_REDACTION_DEBUG to a text file"))
    func printRedaction() throws {
        let text = try String(contentsOfFile: try #require(DebugTests.file), encoding: .utf8)
        let c = communication(body: text)
        let redactor = TestRules.redactor
        let registry = redactor.detect([c])
        let r = redactor.redact(c, registry: registry)
        print(r.communication.body)
        for record in r.records {
            print(String(format: "%.2f %@ %@ '%@'", record.confidence, record.ruleID, record.type.rawValue, record.original))
        }
    }
}
