import Evaluation
import FoiaTestSupport
import Foundation
import Testing

/// Rules that keep redaction from being scored as a reading error, and the reverse.
@Suite struct HeaderAndKeepRulesTests {
    static let truth = """
        {"path": "a.pdf", "pages": 1, "communications": [
          {"kind": "email", "page_start": 1, "page_end": 1, "from": "Maria Pereira <mpereira77@gmail.com>",
           "subject": "Inquiry"}],
         "pii": [{"text": "Maria Pereira", "type": "person_name"}, {"text": "mpereira77@gmail.com", "type": "email"},
                 {"text": "Sean Kelley", "type": "person_name"}],
         "keep": [{"text": "Sgt. Det. Sean Kelly", "kind": "official_name"}]}
        """

    func record(from: String, body: String) -> String {
        """
        {"id": "a", "kind": "email", "source": {"path": "a.pdf", "page_start": 1, "page_end": 1}, \
        "header": {"from": "\(from)", "to": [], "subject": "Inquiry"}, "body": "\(body)"}
        """
    }

    func folders(public publicLine: String?, private privateLine: String?) throws -> (truth: String, out: String) {
        let root = temporaryFolder("eval-rules")
        let truth = root.appendingPathComponent("truth")
        try FileManager.default.createDirectory(at: truth, withIntermediateDirectories: true)
        try HeaderAndKeepRulesTests.truth.write(
            to: truth.appendingPathComponent("a.truth.json"), atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        for (folder, line) in [("public", publicLine), ("private", privateLine)] {
            guard let line else { continue }
            let dir = out.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try (line + "\n").write(
                to: dir.appendingPathComponent("communications.jsonl"), atomically: true, encoding: .utf8)
        }
        return (truth.path, out.path)
    }

    @Test func headersComeFromThePrivateFileWhenThereIsOne() throws {
        let (truth, out) = try folders(
            public: record(from: "[person_name] <[email]>", body: "Sgt. Det. Sean Kelly"),
            private: record(from: "Maria Pereira <mpereira77@gmail.com>", body: "Sgt. Det. Sean Kelly"))
        let report = try Evaluator.evaluate(truthFolder: truth, outputFolder: out)
        #expect(report.recordsFile == "public/communications.jsonl")
        #expect(report.headers.file == "private/communications.jsonl")
        let from = try #require(report.headers.fields.first { $0.name == "from" })
        #expect(from.accuracy == Accuracy(correct: 1, total: 1))
    }

    @Test func aRedactedPrivateSenderIsNotCountedAgainstThePublicFile() throws {
        let (truth, out) = try folders(public: record(from: "[person_name] <[email]>", body: ""), private: nil)
        let report = try Evaluator.evaluate(truthFolder: truth, outputFolder: out)
        let from = try #require(report.headers.fields.first { $0.name == "from" })
        #expect(from.redacted == 1)
        #expect(from.accuracy.total == 0)
        #expect(from.status.label == "no truth")
        let subject = try #require(report.headers.fields.first { $0.name == "subject" })
        #expect(subject.accuracy == Accuracy(correct: 1, total: 1))
    }

    @Test func anOfficialOneLetterFromAPrivateNameIsNotALeak() throws {
        let (truth, out) = try folders(
            public: record(from: "x", body: "Sgt. Det. Sean Kelly spoke to Sean Kelley and Maria Pereira."),
            private: nil)
        let report = try Evaluator.evaluate(truthFolder: truth, outputFolder: out)
        #expect(report.leaks.leaks.map(\.text) == ["Maria Pereira", "Sean Kelley"])
        #expect(report.leaks.leaks.allSatisfy { $0.match == .exact })
        #expect(report.leaks.ocrVariantsOfKeeps == 1)

        let (truth2, out2) = try folders(public: record(from: "x", body: "Sgt. Det. Sean Kelly"), private: nil)
        let clean = try Evaluator.evaluate(truthFolder: truth2, outputFolder: out2)
        #expect(clean.leaks.leaks.isEmpty, "\(clean.leaks.leaks)")
        #expect(clean.leaks.ocrVariantsOfKeeps == 1)
        #expect(clean.overRedaction.missing.isEmpty)
    }
}

@Suite struct KeepSearchTests {
    func missing(_ keep: [TruthKeep], in text: String) -> [String] {
        let truth = TruthSet(
            folder: "t",
            documents: [
                TruthDocument(
                    path: "a.pdf", communications: [TruthCommunication(pageStart: 1, pageEnd: 1)], keep: keep)
            ])
        var corpus = PublishedCorpus(texts: [
            PublishedText(file: "public/communications.jsonl", location: "line 1, body", truthPath: "a.pdf", text: text)
        ])
        corpus.hasRecords = true
        return KeepScore(truth: truth, corpus: corpus).missing.map(\.text)
    }

    @Test func keptStringsSurviveOCRSpacingAndOneLetterErrors() {
        let keep = [
            TruthKeep(text: "robert.flaherty@pd.boston.gov", kind: "work_email"),
            TruthKeep(text: "Delgado, Daniel C.", kind: "official_name"),
            TruthKeep(text: "(202) 282-9021", kind: "office_phone"),
            TruthKeep(text: "Boston  Police Department", kind: "agency"),
        ]
        let text = "robert.flaherty @ pd.boston.gov\nDelgado, Danie! C.\nTel 202.282.9021\nBOSTON POLICE\nDEPARTMENT"
        #expect(missing(keep, in: text).isEmpty)
    }

    @Test func redactedKeepsAreMissing() {
        let keep = [
            TruthKeep(text: "Sgt. Det. Sean Kelly", kind: "official_name"),
            TruthKeep(text: "1 Schroeder Plaza", kind: "work_address"),
        ]
        #expect(missing(keep, in: "Sgt. Det. [person_name]\n1 Schroeder Plaza") == ["Sgt. Det. Sean Kelly"])
        #expect(missing(keep, in: "Sgt. Det. Sean Kelly, 1 [address]") == ["1 Schroeder Plaza"])
    }
}
