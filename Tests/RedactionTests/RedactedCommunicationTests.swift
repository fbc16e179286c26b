import FoiaCore
import Redaction
import Testing

@Suite struct RedactedCommunicationTests {
    /// Defence in depth: an identifier the segmenter took for a Bates number is redacted too.
    @Test func aBatesNumberThatIsAnIdentifierIsRedacted() throws {
        var c = communication(body: "Elisio Varela is under investigation.\nSID: MA43147678")
        c.batesStart = "MA43147678"
        c.batesEnd = "BPD-ICE 000200"
        let redactor = TestRules.redactor
        let r = redactor.redact(c, registry: redactor.detect([c]))
        #expect(r.communication.batesStart == nil)
        #expect(r.communication.batesEnd == "BPD-ICE 000200")
        #expect(r.records.contains { $0.field == "source.bates_start" && $0.original == "MA43147678" })
    }

    @Test func countsRecordsAndCopiedFields() throws {
        var c = communication(
            id: "x1", from: "Kelly, Sean <sean.kelly@pd.boston.gov>", to: ["Greene, Erin"],
            subject: "RE: ALVAREZ, Jose", attachments: ["BOP_ALVAREZ.pdf"],
            quoted: [QuotedHeader(from: "Greene, Erin", sent: "2018-07-10T11:11:00-04:00", subject: "ALVAREZ, Jose")],
            body: "See attached.\nName: ALVAREZ, Jose\nDOB: 3/4/1985\nSSN 575-65-7613\nPhone 617-555-0199")
        c.bodyLinePages = [3, 3, 4, 4, 4]
        c.batesStart = "BPD-ICE 000123"
        c.existingRedactions = ExistingRedactions(boxes: 2, codes: ["(b)(6)"])
        c.duplicateOf = "x0"
        c.header.sent = "2018-07-10T14:32:00-04:00"
        let redactor = TestRules.redactor
        let r = redactor.redact(c, registry: redactor.detect([c]))
        let out = r.communication
        #expect(out.id == "x1" && out.kind == .email && out.batesStart == "BPD-ICE 000123")
        #expect(out.existingRedactions == c.existingRedactions && out.duplicateOf == "x0")
        #expect(out.header.sent == c.header.sent && out.quoted[0].sent == c.quoted[0].sent)
        #expect(out.redactions["person_name"] == 4, "\(out.redactions)")
        #expect(out.redactions["date_of_birth"] == 1 && out.redactions["ssn"] == 1 && out.redactions["phone"] == 1)
        #expect(out.body.split(separator: "\n", omittingEmptySubsequences: false).count == 5)
        #expect(out.body.contains("DOB: [DOB]") && out.body.contains("SSN [SSN]") && out.body.contains("Phone [PHONE]"))
        let fields = Set(r.records.map(\.field))
        #expect(fields == ["body", "header.subject", "header.attachments[0]", "quoted[0].subject"], "\(fields)")
        let dob = try #require(r.records.first { $0.type == .dateOfBirth })
        #expect(dob.page == 4 && dob.original == "3/4/1985" && dob.placeholder == "[DOB]" && dob.communicationID == "x1")
        #expect(dob.ruleID == "dob_labelled" && dob.confidence > 0.9)
    }

    @Test func reviewListsTheLeastCertainFirst() {
        let c = communication(body: "Can you check on Marisol Quintanilla today? Name: ROSARIO, JUNIOR")
        let redactor = TestRules.redactor
        let r = redactor.redact(c, registry: redactor.detect([c]))
        let review = recordsForReview(r.records)
        #expect(review.count == r.records.count)
        #expect(review.first?.original == "Marisol Quintanilla", "\(review.map(\.original))")
        #expect(zip(review, review.dropFirst()).allSatisfy { $0.confidence <= $1.confidence })
        #expect(recordsForReview(r.records, limit: 1, below: 0.6).count == 1)
    }
}
