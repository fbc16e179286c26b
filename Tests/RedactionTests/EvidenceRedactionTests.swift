import FoiaCore
import Redaction
import Testing

/// The classifier cuts its `evidence` from the unredacted body; these snippets are published,
/// so they must come out with the same redactions as the body, even when cut mid-string.
@Suite struct EvidenceRedactionTests {
    func classification(_ evidence: [String]) -> Classification {
        Classification(
            detainer: DetainerFinding(present: false, forms: []),
            offenses: evidence.map {
                OffenseFinding(
                    category: "trespass", level: "misdemeanor", statute: "MGL c.266 §120", violent: false,
                    status: "arrested", page: 1, evidence: $0)
            }, severity: "misdemeanor")
    }

    @Test func snippetsCarryTheBodysRedactionsIncludingCutEdges() throws {
        let body = """
            Arrests overnight:
            OKAFOR, Chidi (February 5, 1977, China) — trespass — arrested 5/14 (B-2)
            Name: ROSARIO, JUNIOR DOB: 3/4/1985 was arrested for trespass at 12 Oak St.
            """
        let c = communication(body: body)
        let redactor = TestRules.redactor
        let k = classification([
            "OKAFOR, Chidi (February 5, 1977, China) — trespass — arrested 5/14 (B-2)",
            "…5, 1977, China) — trespass — arrested 5/14 (B-2)",
            "ROSARIO, JUNIOR DOB: 3/4/19…",
        ])
        let r = redactor.redact(c, classification: k, registry: redactor.detect([c]))
        let evidence = try #require(r.communication.classification).offenses.map(\.evidence)
        #expect(evidence.count == 3)
        for e in evidence {
            for secret in ["OKAFOR", "Chidi", "1977", "ROSARIO", "JUNIOR", "3/4/19"] {
                #expect(!e.contains(secret), "'\(secret)' left in evidence: \(e)")
            }
        }
        #expect(evidence[0].contains("[DOB]") && evidence[0].contains("[PERSON-"))
        #expect(evidence[1].hasPrefix("…[DOB]"), "\(evidence[1])")
        #expect(evidence[2].hasSuffix("[DOB]…"), "\(evidence[2])")
        // What is not personal stays readable.
        #expect(evidence[1].contains("trespass — arrested 5/14 (B-2)"))
    }
}
