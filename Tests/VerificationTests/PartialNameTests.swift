import Foundation
import Testing
import Verification

/// `verify` finds a redacted person's name however else it is printed, and says which form it
/// found. The texts are those of the real releases in `../shared/realdocs` where redaction
/// missed a form (names changed where the document is not public).
@Suite struct PartialNameTests {
    /// The leaks of one original, as (line or page, form).
    func found(_ report: VerificationReport, _ original: String) -> [String] {
        report.leaks.filter { $0.audit.original == original }.map { leak in
            "\(leak.line.map { "line \($0)" } ?? leak.page.map { "page \($0)" } ?? "-") \(leak.route)"
        }
    }

    /// The letter redacted `Patricia F. Mire` in its address block and kept the salutation.
    /// `mire` is an ordinary word, so only the title (or capitals) makes it the name; another
    /// document's `Ms. Mire` may be someone else and is not searched for the surname alone.
    @Test func surnameAloneAfterASalutationInTheSameDocument() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("person_name", "Patricia F. Mire", "[PERSON-797E]")], path: "enron-letter.pdf")
        try folder.communications(in: [
            (
                "enron-letter.pdf",
                "Ms. [PERSON-797E]\nSabine Group\n[ADDRESS]\nHouston, Texas 77095-5002\nDear Ms. Mire:\n"
                    + "In accordance with the provisions of the Confidentiality Agreement, we return the data."
            ),
            ("enron-letter.pdf", "The transfer is stuck in a mire of paperwork; please call."),
            ("other-letter.pdf", "Dear Ms. Mire:\nThank you for your request of May 4."),
        ])
        folder.pdf("enron-letter.pdf", [.text(["PAYEE                 AMOUNT", "MIRE                  $1,200.00"])])
        let report = try folder.verify(ocr: false)
        #expect(
            found(report, "Patricia F. Mire") == ["line 1 surname alone", "page 1 surname alone"], "\(report.lines)")
        #expect(report.lines.contains { $0.contains("line 1") && $0.contains("(surname alone)") })
    }

    /// Quoted headers print the sender surname first, in capitals, with or without a comma
    /// (OCR reads the comma as a full stop).
    @Test func reversedNameInQuotedHeaders() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("person_name", "Deborah Roush", "[PERSON-8D9E]")], path: "exhibit.pdf")
        try folder.communications(in: [
            (
                "exhibit.pdf",
                "Sent: Wednesday, September 6, 2017\nTo: [PERSON-4534]; BOARD MEMBERS; ROUSH DEBORAH\nSubject: Re: Statement for press"
            ),
            ("exhibit.pdf", "On Wed, Sep 6, 2017 at 10:14 AM, ROUSH. DEBORAH <[EMAIL]> wrote:\nDr. Warren responded."),
        ])
        let report = try folder.verify(ocr: false)
        #expect(found(report, "Deborah Roush") == ["line 1 reversed", "line 2 reversed"], "\(report.lines)")
    }

    /// OCR of the printed exhibit lost the start of the given name in a signature block.
    @Test func fragmentOfGivenNameAndSurname() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("person_name", "ROUSH, DEBORAH", "[PERSON-8D9E]")], path: "exhibit.pdf")
        try folder.communications(in: [
            ("exhibit.pdf", "\"... of the schools in 2018.\"\n2 borah Roush\nsecutive Director of Co:\nae")
        ])
        let report = try folder.verify(ocr: false)
        #expect(found(report, "ROUSH, DEBORAH") == ["line 1 fragment"], "\(report.lines)")
    }

    /// A name wrapped at the end of a line, with and without a hyphen: found whole.
    @Test func nameBrokenOverALine() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("person_name", "Karen Konow", "[PERSON-A536]")], path: "foia-part-1.pdf")
        try folder.communications(in: [
            ("foia-part-1.pdf", "Any enhancements?\nIf needed I can join you on a call with Karen\nKonow.\nThx"),
            ("foia-part-1.pdf", "Please copy Karen Ko-\nnow on the reply."),
        ])
        let report = try folder.verify(ocr: false)
        #expect(found(report, "Karen Konow") == ["line 1 exact", "line 2 joined"], "\(report.lines)")
    }

    /// OCR split the first letter off a given name, or lost it.
    @Test func ocrSplitName() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("person_name", "Juliana Perez", "[PERSON-1C2D]")], path: "warrant.pdf")
        try folder.communications(in: [
            ("warrant.pdf", "Subject: PEREZ, J uliana\nDOB: [DOB]"),
            ("warrant.pdf", "Affiant interviewed uliana Perez at the residence."),
            ("warrant.pdf", "Interview of J uliana Perez, continued."),
        ])
        let report = try folder.verify(ocr: false)
        #expect(
            found(report, "Juliana Perez") == ["line 1 ocr variant", "line 2 ocr variant", "line 3 joined"],
            "\(report.lines)")
    }

    /// A surname with one OCR error, printed alone in the same document; the same word in
    /// another document is not searched, and an ordinary word one edit away is prose.
    @Test func surnameWithinOneEdit() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("person_name", "Jose Alvarez", "[PERSON-7F3A]")], path: "i-213.pdf")
        try folder.communications(in: [
            ("i-213.pdf", "[PERSON-7F3A] was booked on 05/10/2017.\nMr. Alvarcz was transferred to Plymouth County."),
            ("i-213.pdf", "Subject ALVAREZ claimed no fear of return."),
            ("other.pdf", "Mr. Alvarcz was transferred to Plymouth County."),
        ])
        let report = try folder.verify(ocr: false)
        #expect(found(report, "Jose Alvarez") == ["line 1 one edit", "line 2 surname alone"], "\(report.lines)")
    }
}
