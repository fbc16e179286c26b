import Evaluation
import FoiaTestSupport
import Foundation
import Testing

@Suite struct TruthSetTests {
    func folder(with files: [String: String]) throws -> URL {
        let dir = temporaryFolder("eval-truth")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func findsTruthFilesRecursivelyAndKeepsNullApartFromMissing() throws {
        let truth = try TruthSet.load(folder: Fixtures.path("eval/truth"))
        #expect(truth.documents.map(\.path) == ["ice/2017-05-batch.pdf", "scans/letter.pdf"])
        let cover = try #require(truth.documents.last?.communications.first)
        #expect(cover.from == .labelled(nil))
        #expect(truth.documents.last?.communications.last?.isDuplicate == true)
        let handLabel = try TruthSet.load(
            file: try folder(with: [
                "a.truth.json": """
                {"path": "a.pdf", "communications": [{"kind": "email", "page_start": 1, "page_end": 2, "from": "Lewin"}]}
                """
            ]).appendingPathComponent("a.truth.json").path)
        #expect(handLabel.communications.first?.from == .labelled("Lewin"))
        #expect(handLabel.communications.first?.subject == .unlabelled)
        #expect(handLabel.pii == nil)
    }

    @Test func invalidTruthNamesTheFileAndKey() throws {
        let dir = try folder(with: [
            "x/bad.truth.json": #"{"path": "bad.pdf", "communications": [{"page_start": "one", "page_end": 2}]}"#
        ])
        let error = #expect(throws: EvaluationError.self) { try TruthSet.load(folder: dir.path) }
        #expect(error?.message.contains("bad.truth.json") == true)
        #expect(
            error?.message.contains("communications[0].page_start: expected an integer") == true,
            "\(String(describing: error))")
    }

    @Test func brokenPageRangeAndTimeAreReported() throws {
        let range = try folder(with: [
            "r.truth.json": #"{"path": "r.pdf", "communications": [{"page_start": 3, "page_end": 2}]}"#
        ])
        let rangeError = #expect(throws: EvaluationError.self) { try TruthSet.load(folder: range.path) }
        #expect(rangeError?.message.contains("communications[0].page_end: 2 is before page_start 3") == true)

        let time = try folder(with: [
            "t.truth.json": #"{"path": "t.pdf", "communications": [{"page_start": 1, "page_end": 1, "sent": "May 5"}]}"#
        ])
        let timeError = #expect(throws: EvaluationError.self) { try TruthSet.load(folder: time.path) }
        #expect(timeError?.message.contains("communications[0].sent: 'May 5' is not ISO 8601") == true)

        let json = try folder(with: ["j.truth.json": "{not json"])
        let jsonError = #expect(throws: EvaluationError.self) { try TruthSet.load(folder: json.path) }
        #expect(jsonError?.message.contains("j.truth.json: not valid JSON") == true, "\(String(describing: jsonError))")
    }

    @Test func missingOrEmptyFolderIsAUsageError() throws {
        let missing = #expect(throws: EvaluationError.self) { try TruthSet.load(folder: "/nonexistent/truth") }
        #expect(missing?.message.contains("does not exist") == true)
        let empty = temporaryFolder("eval-empty-truth")
        let none = #expect(throws: EvaluationError.self) { try TruthSet.load(folder: empty.path) }
        #expect(none?.message.contains("no *.truth.json") == true)
    }

    @Test func pathsMatchAcrossRoots() {
        let index = TruthPathIndex(paths: ["chicago-part-1.pdf", "ice/a.pdf", "scans/a.pdf"])
        #expect(index.truthPath(for: "chicago-part-1.pdf") == "chicago-part-1.pdf")
        #expect(index.truthPath(for: "realdocs/chicago-part-1.pdf") == "chicago-part-1.pdf")
        #expect(index.truthPath(for: "dump/ice/a.pdf") == "ice/a.pdf")
        #expect(index.truthPath(for: "a.pdf") == nil)  // two truth files end with it: not guessed
        #expect(index.truthPath(for: "other.pdf") == nil)
        #expect(index.truthPath(for: "xchicago-part-1.pdf") == nil)
    }
}
