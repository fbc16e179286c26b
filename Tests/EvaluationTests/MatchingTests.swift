import Evaluation
import FoiaTestSupport
import Foundation
import Testing

@Suite struct MatchingTests {
    @Test func aCommunicationPairsWithThePredictionOfItsKindOnASharedPage() {
        let truth = TruthDocument(
            path: "a.pdf",
            communications: [
                TruthCommunication(kind: "email", pageStart: 1, pageEnd: 1, from: .labelled("Flaherty, Robert")),
                TruthCommunication(kind: "email", pageStart: 2, pageEnd: 3),
            ])
        let predicted = [
            PredictedCommunication(line: 1, kind: "document", path: "a.pdf", pageStart: 1, pageEnd: 1),
            PredictedCommunication(
                line: 2, kind: "email", path: "a.pdf", pageStart: 1, pageEnd: 1, from: "Flaherty, Robert"),
            PredictedCommunication(line: 3, kind: "email", path: "a.pdf", pageStart: 2, pageEnd: 3),
        ]
        let doc = MatchedDocument(truth: truth, predicted: predicted)
        #expect(doc.strict.map(\.predicted) == [1, 2])
        #expect(doc.pairs.first?.predicted.line == 2)
        let score = SegmentationScore(
            matching: Matching(truth: TruthSet(folder: "t", documents: [truth]), records: predicted))
        #expect(score.spurious.map(\.line) == [1])
        #expect(score.strict == PrecisionRecall(truePositives: 2, falsePositives: 1, falseNegatives: 0))
    }

    @Test func twoPrintoutsOnOnePageArePairedInOrder() {
        let truth = TruthDocument(
            path: "a.pdf",
            communications: [
                TruthCommunication(pageStart: 4, pageEnd: 4, subject: .labelled("first")),
                TruthCommunication(pageStart: 4, pageEnd: 5, subject: .labelled("second")),
            ])
        let predicted = [
            PredictedCommunication(line: 7, path: "a.pdf", pageStart: 4, pageEnd: 4, subject: "first"),
            PredictedCommunication(line: 8, path: "a.pdf", pageStart: 4, pageEnd: 5, subject: "second"),
        ]
        let doc = MatchedDocument(truth: truth, predicted: predicted)
        #expect(doc.pairs.map(\.predicted.subject) == ["first", "second"])
        #expect(doc.strict.count == 2)
    }
}

@Suite struct UnrelatedOutputTests {
    @Test func anOutputOfOtherPDFsIsNotScoredAsZero() throws {
        let out = temporaryFolder("eval-other")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("private"), withIntermediateDirectories: true)
        try #"{"source": {"path": "other.pdf", "page_start": 1, "page_end": 1}}"#.write(
            to: out.appendingPathComponent("private/communications.jsonl"), atomically: true, encoding: .utf8)
        let report = try Evaluator.evaluate(truthFolder: Fixtures.path("eval/truth"), outputFolder: out.path)
        #expect(report.segmentation.status.label == "not built")
        #expect(report.segmentation.status.reason?.contains("other.pdf") == true)
        #expect(report.pathsWithoutTruth == ["other.pdf"])
    }
}
