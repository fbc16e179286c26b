import Foundation
import Testing
import Verification

/// The audit every test folder starts from: a name, an A-number, a date of birth.
private let standardAudit: [(type: String, original: String, placeholder: String)] = [
    ("person_name", "Maria LOPEZ", "[PERSON-7F3A]"),
    ("a_number", "A204123456", "[A-NUMBER]"),
    ("date_of_birth", "03/14/1985", "[DOB]"),
]

private func leaks(_ report: VerificationReport, _ original: String, by method: Leak.Method) -> [Leak] {
    report.leaks.filter { $0.audit.original == original && $0.method == method }
}

@Suite struct JSONAndTextChecks {
    @Test func redactedOutputIsClean() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications([
            "[PERSON-7F3A] (A# [A-NUMBER], DOB [DOB]) was booked on 05/10/2017 by Officer Kelly.",
            "Lopezville police wrote to Mariana about case 204-123.",
        ])
        folder.pdf("a.pdf", [.text(["Booking of [PERSON-7F3A], DOB [DOB]", "A-number [A-NUMBER]"])])
        let report = try folder.verify(ocr: false)
        #expect(report.isClean, "\(report.lines)")
        #expect(report.originalsSearched == 3)
        #expect(report.filesChecked == 3)
        #expect(report.pdfPages == 1)
    }

    @Test func nameLeftInTheJSONBodyIsCaught() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A] was booked.", "Detainer lodged for Maria\nLopez today."])
        let report = try folder.verify(ocr: false)
        let found = leaks(report, "Maria LOPEZ", by: .json)
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.field == "body")
        #expect(found.first?.file == "communications.jsonl")
        #expect(!report.isClean)
        // The report names the string by type and placeholder, never by its text.
        #expect(report.lines.contains { $0.contains("[PERSON-7F3A]") && $0.contains("line 2") })
        #expect(!report.lines.joined().contains("LOPEZ"))
    }

    @Test func computedFieldsAreNotReadAsPrintedText() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([("date_of_birth", "04-14-00", "[DOB]"), ("date_of_birth", "03/14/1985", "[DOB]")])
        let line: [String: Any] = [
            "id": "c0", "kind": "email", "body": "Booked.", "duplicate_of": NSNull(),
            "header": ["sent": "2019-04-14T00:05:00-04:00", "subject": "Booking"],
            "quoted": [["sent": "2019-04-14T00:07:00-04:00"]],
            "source": ["path": "a.pdf", "sha256": "9f0314198531ab", "page_start": 1, "page_end": 1],
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self)
        try folder.write("public/communications.jsonl", text + "\n")
        #expect(try folder.verify(ocr: false).isClean)
        // The same strings in printed text are leaks.
        let printed = text.replacingOccurrences(of: "\"Booked.\"", with: "\"Sent 2019-04-14T00:05, DOB 03/14/1985\"")
        try folder.write("public/communications.jsonl", printed + "\n")
        #expect(!leaks(try folder.verify(ocr: false), "03/14/1985", by: .json).isEmpty)
    }

    @Test func nameTurnedRoundIsCaught() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["Subject: LOPEZ, Maria - booking"])
        let report = try folder.verify(ocr: false)
        #expect(leaks(report, "Maria LOPEZ", by: .json).count == 1)
    }

    @Test func identifiersAreCaughtWhateverTheirSeparatorsAndOCRConfusions() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications([
            "A# 2O4-l23-456 on file",  // O for 0, l for 1
            "file no. 204 123 456.",  // the digits alone
            "born 3/14/85 in Boston",  // the date of birth in another format
            "born March 14th, 1985",
        ])
        let report = try folder.verify(ocr: false)
        let aNumber = leaks(report, "A204123456", by: .json)
        #expect(aNumber.map(\.line) == [1, 2])
        #expect(aNumber.map(\.route) == ["joined", "digits"])
        #expect(leaks(report, "03/14/1985", by: .json).map(\.line) == [3, 4])
    }

    @Test func shortAndCommonOriginalsDoNotCryWolf() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit([
            ("person_name", "Li", "[PERSON-0001]"),  // too short to search: counted as skipped
            ("person_name", "Cruz", "[PERSON-0002]"),
            ("person_name", "Young", "[PERSON-0003]"),
        ])
        try folder.communications([
            "Li Street, Veracruz office; a young man was crucial to the case. Lightning."
        ])
        let clean = try folder.verify(ocr: false)
        #expect(clean.isClean, "\(clean.lines)")
        #expect(clean.originalsSkipped == 1)
        #expect(clean.originalsSearched == 2)
        #expect(clean.summary.contains("1 audited string(s) shorter than 4"))

        // The same originals standing as names are leaks.
        try folder.communications(["Officer Young arrested CRUZ."])
        let leaky = try folder.verify(ocr: false)
        #expect(Set(leaky.leaks.map(\.audit.original)) == ["Cruz", "Young"])
    }

    @Test func otherPublicFilesAndFileNamesAreSearched() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        try folder.write("public/notes.txt", "reviewed\nmaria lopez\n")
        try folder.write("public/redacted/Maria_Lopez_file.txt", "nothing here\n")
        let report = try folder.verify(ocr: false)
        #expect(leaks(report, "Maria LOPEZ", by: .text).map(\.line) == [2])
        #expect(leaks(report, "Maria LOPEZ", by: .fileName).map(\.file) == ["redacted/Maria_Lopez_file.txt"])
    }

    @Test func missingFoldersAreTypedErrors() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        #expect(throws: VerificationError.missingAudit(path: folder.path + "/private/audit.jsonl")) {
            try folder.verify(ocr: false)
        }
        try FileManager.default.removeItem(atPath: folder.path + "/public")
        do throws(VerificationError) {
            _ = try Verifier(jobs: 1, ocr: false).verify(directory: folder.path)
            Issue.record("verify should fail without public/")
        } catch {
            #expect(error == .missingPublic(path: folder.path + "/public"))
            #expect(error.description.contains("foiapipe run --out DIR"))
        }
    }

    @Test func damagedAuditLineStopsTheCheck() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.write("private/audit.jsonl", "{\"type\": \"ssn\", \"original\": \"123-45-6789\"}\n{\"type\": \"ssn\"}\n")
        try folder.communications([""])
        #expect(throws: VerificationError.self) { try folder.verify(ocr: false) }
    }
}

@Suite struct PDFChecks {
    @Test func nameInTheTextLayerIsCaught() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf("a.pdf", [.text(["Page one is clean."]), .text(["Booking: Maria Lopez"])])
        let report = try folder.verify(ocr: false)
        let found = leaks(report, "Maria LOPEZ", by: .textLayer)
        #expect(found.map(\.page) == [2])
        #expect(found.first?.file == "redacted/a.pdf")
        #expect(report.lines.contains { $0.contains("redacted/a.pdf page 2") && $0.contains("text layer") })
    }

    @Test func hiddenTextLayerUnderAnImageIsCaughtWithoutOCR() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf("a.pdf", [.imageOverText(visible: ["Booking: [PERSON-7F3A]"], hidden: ["Booking: Maria Lopez"])])
        let report = try folder.verify(ocr: false)
        #expect(leaks(report, "Maria LOPEZ", by: .textLayer).map(\.page) == [1])
        #expect(report.summary.contains("OCR skipped"))
    }

    @Test func titleMetadataIsCaught() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf("a.pdf", [.text(["Nothing to see"])], title: "Records of Maria Lopez")
        let report = try folder.verify(ocr: false)
        let found = leaks(report, "Maria LOPEZ", by: .metadata)
        #expect(found.map(\.field) == ["title"])
        // Found by the metadata check, so the raw-bytes check does not report it again.
        #expect(leaks(report, "Maria LOPEZ", by: .bytes).isEmpty)
    }

    @Test func annotationsAreProblems() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf("a.pdf", [.link("see the record", uri: "https://example.org/record")])
        let report = try folder.verify(ocr: false)
        #expect(report.leaks.isEmpty)
        #expect(report.problems.map(\.kind) == [.annotation])
        #expect(report.problems.first?.page == 1)
        #expect(!report.isClean)
    }
}

/// OCR costs about two seconds a page here; these run one after another to keep the two
/// cores for the workers inside each check.
@Suite(.serialized) struct OCRChecks {
    @Test func nameOnlyInTheImageIsCaughtByOCR() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf(
            "a.pdf",
            [.imageOverText(visible: ["Booking report", "Subject: Maria Lopez"], hidden: ["Booking report", "Subject: [PERSON-7F3A]"])])
        let withOCR = try folder.verify()
        #expect(leaks(withOCR, "Maria LOPEZ", by: .ocr).map(\.page) == [1], "\(withOCR.lines)")
        #expect(withOCR.pagesOCRed == 1)
        #expect(leaks(withOCR, "Maria LOPEZ", by: .textLayer).isEmpty)
        // Without OCR the image goes unread: this is the case the OCR check exists for.
        let without = try folder.verify(ocr: false)
        #expect(without.isClean)
        #expect(without.pagesOCRed == 0)
    }

    @Test func spacedOutANumberInAnImageIsCaughtByOCR() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf("scan.pdf", [.image(["Alien number:  A 204 123 456", "Status: pending"])])
        let report = try folder.verify()
        let found = leaks(report, "A204123456", by: .ocr)
        #expect(found.map(\.page) == [1], "\(report.lines)")
        #expect(found.first?.file == "redacted/scan.pdf")
    }

    @Test func redactedImagePageIsClean() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A]"])
        folder.pdf(
            "a.pdf",
            [
                .imageOverText(
                    visible: ["Subject: [PERSON-7F3A]", "A# [A-NUMBER]  DOB [DOB]", "Booked 05/10/2017 by Officer Kelly"],
                    hidden: ["Subject: [PERSON-7F3A]", "A# [A-NUMBER]  DOB [DOB]", "Booked 05/10/2017 by Officer Kelly"]),
                .text(["Vector page, nothing private"]),
            ])
        let report = try folder.verify()
        #expect(report.isClean, "\(report.lines)")
        #expect(report.pagesOCRed == 2)
    }
}

@Suite struct PublishedKindChecks {
    /// A pseudonym key copied into `public/` holds no audited string, so only its kind gives
    /// it away; the analyst's report, database and metadata are published kinds.
    @Test func aFileNoRunPublishesIsAProblem() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        try folder.audit(standardAudit)
        try folder.communications(["[PERSON-7F3A] was booked."])
        folder.pdf("sub/a.PDF", [.text(["Booking of [PERSON-7F3A]"])])
        try folder.write("public/report.html", "<p>[PERSON-7F3A]</p>\n")
        try folder.write("public/metadata.json", "{\"documents\": 1}\n")
        try folder.write("public/foiapipe.sqlite", "SQLite format 3\n")
        let clean = try folder.verify(ocr: false)
        #expect(clean.problems.filter { $0.kind == .unpublishedFile }.isEmpty, "\(clean.lines)")

        try folder.write("public/pseudonym.key", String(repeating: "5a", count: 32) + "\n")
        try folder.write("public/redacted/notes.txt", "checked\n")
        let report = try folder.verify(ocr: false)
        #expect(!report.isClean)
        let unpublished = report.problems.filter { $0.kind == .unpublishedFile }.map(\.file)
        #expect(unpublished == ["pseudonym.key", "redacted/notes.txt"])
        #expect(report.lines.contains { $0.hasPrefix("PROBLEM unpublished file in pseudonym.key: ") })
    }
}
