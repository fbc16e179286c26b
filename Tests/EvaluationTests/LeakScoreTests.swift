import LeakSearch
import Evaluation
import FoiaTestSupport
import Foundation
import Testing
import Verification

/// The leak metric of `eval`, which searches with `verify`'s matcher.
@Suite struct LeakScoreTests {
    /// A timestamp's time is no date: `2018-05-12T11:04:00-04:00` holds no 11/4/2000; its date does.
    @Test func sentTimestampsAreSearchedByTheirDateOnly() throws {
        let line =
            #"{"source":{"path":"a.pdf","page_start":1,"page_end":1},"header":{"sent":"2018-05-12T11:04:00-04:00"},"quoted":[{"sent":"1984-12-07T09:00:00-05:00"}]}"#
        let record = try #require(try OutputRecords.parse(line, file: "x", keepStrings: true).first)
        let text = record.strings.map(\.value).joined(separator: "\n")
        let dob2000 = LeakTarget(text: "11/4/2000", type: "date_of_birth")
        let dob1984 = LeakTarget(text: "12/7/1984", type: "date_of_birth")
        #expect(LeakMatcher([dob2000]).search(text).hits.isEmpty, "\(text)")
        #expect(!LeakMatcher([dob1984]).search(text).hits.isEmpty, "\(text)")
    }

    /// One published folder, its audit and a truth file naming the same strings: `verify` and
    /// `eval` report the same strings, in the same records, in the same forms, the partial
    /// forms included.
    @Test func verifyAndEvalFindTheSameLeaks() throws {
        let root = temporaryFolder("leak-parity")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let truthFolder = root.appendingPathComponent("truth")
        for dir in ["out/private", "out/public", "truth"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        let pii: [(type: String, text: String)] = [
            ("person_name", "Patricia F. Mire"), ("person_name", "Deborah Roush"), ("person_name", "Jose Alvarez"),
            ("person_name", "Karen Konow"), ("ssn", "123-45-6789"), ("date_of_birth", "03/04/1987"),
            ("a_number", "A204123456"),
        ]
        let bodies = [
            "Dear Ms. Mire:\nIn accordance with the provisions of the agreement, the stuck mire of paperwork is cleared.",
            "To: [PERSON-4534]; BOARD MEMBERS; ROUSH DEBORAH\nFrom: ROUSH. DEBORAH <[EMAIL]>",
            "2 borah Roush\nsecutive Director",
            "Mr. Alvarcz (DOB 3/4/87, SSN 123 45 6789) was moved; A# 2O4-l23-456.",
            "If needed I can join you on a call with Karen\nKonow.\nThx",
            "JoseAlvarez, born March 4, 1987; Sgt. Ruiz and Officer Young wrote.",
        ]
        func json(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let records = try bodies.enumerated().map { i, body in
            try json([
                "id": "c\(i)", "kind": "email", "body": body,
                "source": ["path": "letter.pdf", "page_start": i + 1, "page_end": i + 1],
            ])
        }
        try (records.joined(separator: "\n") + "\n").write(
            to: out.appendingPathComponent("public/communications.jsonl"), atomically: true, encoding: .utf8)
        let audit = try pii.map {
            try json(["path": "letter.pdf", "page": 1, "type": $0.type, "original": $0.text, "placeholder": "[X]"])
        }
        try (audit.joined(separator: "\n") + "\n").write(
            to: out.appendingPathComponent("private/audit.jsonl"), atomically: true, encoding: .utf8)
        let truth = try json([
            "path": "letter.pdf", "pages": bodies.count,
            "communications": bodies.indices.map { ["kind": "email", "page_start": $0 + 1, "page_end": $0 + 1] },
            "pii": pii.map { ["text": $0.text, "type": $0.type] },
        ])
        try truth.write(to: truthFolder.appendingPathComponent("letter.truth.json"), atomically: true, encoding: .utf8)

        let verified = try Verifier(jobs: 1, ocr: false).verify(directory: out.path)
        let evaluated = try Evaluator.evaluate(truthFolder: truthFolder.path, outputFolder: out.path)
        let byVerify = Set(
            verified.leaks.map { "\($0.audit.original) | line \($0.line ?? 0), \($0.field ?? "") | \($0.route)" })
        let byEval = Set(evaluated.leaks.leaks.map { "\($0.text) | \($0.location) | \($0.match.rawValue)" })
        #expect(byVerify == byEval)
        // Every form is there, so the comparison is not of two empty sets.
        let forms = Set(evaluated.leaks.leaks.map(\.match))
        #expect(
            forms.isSuperset(of: [
                .surnameAlone, .reversed, .fragment, .oneEdit, .exact, .digits, .joined, .dateRendering,
            ]), "\(byEval.sorted())")
        #expect(byVerify.count == 10, "\(byVerify.sorted())")
    }
}
