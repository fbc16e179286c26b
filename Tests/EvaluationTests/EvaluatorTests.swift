import LeakSearch
import Evaluation
import FoiaTestSupport
import Foundation
import Testing
import Verification

/// Whole evaluations of the hand-made folders in `Tests/Fixtures/eval` (see its README).
@Suite struct EvaluatorTests {
    static let truth = Fixtures.path("eval/truth")

    func evaluate(_ output: String) throws -> EvaluationReport {
        try Evaluator.evaluate(truthFolder: EvaluatorTests.truth, outputFolder: Fixtures.path("eval/" + output))
    }

    @Test func perfectOutputScoresPerfect() throws {
        let report = try evaluate("perfect")
        #expect(report.truthDocuments == 2)
        #expect(report.truthCommunications == 5)
        #expect(report.recordsFile == "public/communications.jsonl")
        #expect(report.segmentation.status == .ok)
        #expect(report.segmentation.strict.f1 == 1)
        #expect(report.segmentation.startOnly.f1 == 1)
        #expect(report.segmentation.byRendition.map(\.rendition) == ["scanned", "text"])
        #expect(report.segmentation.byRendition.allSatisfy { $0.strict.f1 == 1 })
        #expect(report.segmentation.missed.isEmpty && report.segmentation.spurious.isEmpty)
        for field in report.headers.fields {
            #expect(field.status == .ok, "\(field.name)")
            #expect(field.accuracy.value == 1, "\(field.name): \(field.mismatches)")
        }
        #expect(report.detainer.status == .ok)
        #expect(report.detainer.present.f1 == 1)
        #expect(report.detainer.forms.value == 1)
        #expect(report.offenses.status == .ok)
        #expect(report.offenses.categories.f1 == 1)
        #expect(report.offenses.level == Accuracy(correct: 5, total: 5))
        #expect(report.offenses.offenseStatus.value == 1)
        #expect(report.offenses.severity == Accuracy(correct: 5, total: 5))
        #expect(report.counts.status == .ok)
        #expect(report.counts.relativeError == 0)
        #expect(report.counts.truthTotal == 9)
        #expect(report.leaks.status == .ok)
        #expect(report.leaks.piiStrings == 6)
        #expect(report.leaks.leaks.isEmpty, "\(report.leaks.leaks)")
        #expect(report.overRedaction.status == .ok)
        #expect(report.overRedaction.total == 3)
        #expect(report.overRedaction.missing.isEmpty, "\(report.overRedaction.missing)")
    }

    @Test func plantedLeaksAreCaughtWhereTheyAre() throws {
        let report = try evaluate("leaky")
        let leaks = report.leaks.leaks
        func leak(_ text: String, _ match: LeakForm) -> LeakScore.Leak? {
            leaks.first { $0.text == text && $0.match == match }
        }
        let exact = try #require(leak("Jose Alvarez", .exact), "\(leaks)")
        #expect(exact.file == "public/communications.jsonl")
        #expect(exact.location == "line 1, body")
        let phone = try #require(leak("617-555-0142", .digits), "\(leaks)")
        #expect(phone.location == "line 2, quoted[0].subject")
        #expect(phone.found == "617) 555 0142")
        let ssn = try #require(leak("123-45-6789", .digits), "\(leaks)")
        #expect(ssn.location == "line 4, body")
        let ocr = try #require(leak("Jose Alvarez", .ocrVariant), "\(leaks)")
        #expect(ocr.found == "Jose Alvarcz")
        #expect(ocr.location == "line 5, body")
        #expect(leaks.count == 4)
        #expect(report.leaks.byType.map(\.type) == ["person_name", "phone", "ssn"])
        #expect(report.leaks.byType.first?.occurrences == 2)
        #expect(report.leaks.byType.first?.strings == 1)
        // The rest still scores perfect: leaks are measured on their own.
        #expect(report.segmentation.strict.f1 == 1)
    }

    @Test func missedCommunicationLowersRecallAndIsListed() throws {
        let report = try evaluate("missed")
        let seg = report.segmentation
        #expect(seg.strict == PrecisionRecall(truePositives: 3, falsePositives: 1, falseNegatives: 2))
        #expect(seg.startOnly == PrecisionRecall(truePositives: 4, falsePositives: 0, falseNegatives: 1))
        #expect(seg.strict.recall == 0.6)
        #expect(seg.startOnly.recall == 0.8)
        #expect(
            seg.missed == [
                .init(path: "ice/2017-05-batch.pdf", pageStart: 1, pageEnd: 2, predictedPageEnd: 1),
                .init(path: "scans/letter.pdf", pageStart: 2, pageEnd: 3, predictedPageEnd: nil),
            ])
        #expect(seg.spurious.isEmpty)
        let scanned = try #require(seg.byRendition.first { $0.rendition == "scanned" })
        #expect(scanned.strict.recall.map { abs($0 - 2.0 / 3.0) < 1e-9 } == true)
        #expect(report.table().contains("scans/letter.pdf pages 2-3 (not found)"))
    }

    @Test func wrongLevelLowersLevelAccuracyAndCounts() throws {
        let report = try evaluate("wrong-level")
        #expect(report.offenses.categories.f1 == 1)
        #expect(report.offenses.level == Accuracy(correct: 4, total: 5))
        #expect(report.offenses.offenseStatus.value == 1)
        #expect(
            report.offenses.mismatches.map(\.field) == ["level"]
                && report.offenses.mismatches.first?.truth == "larceny: unknown"
                && report.offenses.mismatches.first?.predicted == "felony")
        #expect(report.counts.absoluteError == 2)
        #expect(report.counts.relativeError.map { abs($0 - 2.0 / 9.0) < 1e-9 } == true)
        #expect(report.counts.diffs.map(\.key) == [.init("larceny", "felony"), .init("larceny", "unknown")])
    }

    @Test func metricsWithoutOutputSayNotBuilt() throws {
        let report = try evaluate("bare")
        #expect(report.recordsFile == "private/communications.jsonl")
        #expect(report.segmentation.status == .ok)
        #expect(report.segmentation.strict.f1 == 1)
        #expect(report.headers.status == .ok)
        #expect(report.detainer.status.label == "not built")
        #expect(report.offenses.status.label == "not built")
        #expect(report.counts.status.label == "not built")
        #expect(report.leaks.status.label == "not built")
        #expect(report.overRedaction.status.label == "not built")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        for key in ["detainer", "offenses", "counts", "leaks", "over_redaction"] {
            let metric = try #require(json[key] as? [String: Any], "\(key)")
            #expect(metric["status"] as? String == "not built", "\(key)")
            #expect((metric["reason"] as? String)?.isEmpty == false, "\(key)")
            #expect(metric["f1"] == nil && metric["relative_error"] == nil && metric["total"] == nil, "\(key)")
        }
        let table = report.table()
        #expect(table.contains("detainer F1"))
        #expect(!table.contains("0.000"), "\(table)")
    }

    @Test func emptyOutputFolderIsNotBuiltEverywhere() throws {
        let out = temporaryFolder("eval-empty")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = try Evaluator.evaluate(truthFolder: EvaluatorTests.truth, outputFolder: out.path)
        #expect(report.recordsFile == nil)
        #expect(report.segmentation.status.label == "not built")
        #expect(report.headers.status.label == "not built")
        let json = report.json()
        #expect(json.contains("\"communications_file\": null"))
        #expect(!json.contains("\"f1\""))
    }

    @Test func evalJSONIsStableAndWrittenAtomically() throws {
        let out = temporaryFolder("eval-write")
        defer { try? FileManager.default.removeItem(at: out) }
        let source = Fixtures.path("eval/missed/public")
        try FileManager.default.copyItem(atPath: source, toPath: out.appendingPathComponent("public").path)
        let first = try Evaluator.evaluate(truthFolder: EvaluatorTests.truth, outputFolder: out.path)
        let path = try Evaluator.write(first, to: out.path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let again = try Evaluator.evaluate(truthFolder: EvaluatorTests.truth, outputFolder: out.path)
        #expect(again.json() == written)
        // Key order is fixed: status first, then the headline number.
        #expect(written.contains("\"segmentation\": {\n    \"status\": \"ok\",\n    \"f1\": 0.6667,"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func realLabelsMatchByBaseNameAndDisplayName() throws {
        guard let realDocs = Fixtures.realDocs else {
            print("skipped: ../shared/realdocs is absent")
            return
        }
        let labels = realDocs.appendingPathComponent("labels").path
        let truth = try TruthSet.load(folder: labels)
        // A run over a parent folder records longer paths and the fullest sender form.
        var lines: [String] = []
        for doc in truth.documents {
            for c in doc.communications {
                let from =
                    (c.from.label ?? nil).map { "\"\($0), Jonathan H. <\($0.lowercased())@chicagopolice.org>\"" }
                    ?? "null"
                let sent = (c.sent.label ?? nil).map { "\"\($0):00-06:00\"" } ?? "null"
                let subject = (c.subject.label ?? nil).map { "\"\($0.uppercased())\"" } ?? "null"
                lines.append(
                    "{\"source\":{\"path\":\"realdocs/\(doc.path)\",\"page_start\":\(c.pageStart),\"page_end\":\(c.pageEnd)},"
                        + "\"header\":{\"from\":\(from),\"sent\":\(sent),\"subject\":\(subject)}}")
            }
        }
        let out = temporaryFolder("eval-real")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("private"), withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(
            to: out.appendingPathComponent("private/communications.jsonl"), atomically: true, encoding: .utf8)

        let report = try Evaluator.evaluate(truthFolder: labels, outputFolder: out.path)
        #expect(report.pathsWithoutTruth.isEmpty)
        #expect(report.segmentation.strict.f1 == 1)
        #expect(report.segmentation.byRendition.map(\.rendition) == ["unknown"])
        let fields = Dictionary(uniqueKeysWithValues: report.headers.fields.map { ($0.name, $0) })
        #expect(fields["from"]?.accuracy.value == 1)
        #expect(fields["sent"]?.accuracy.value == 1)
        #expect(fields["subject"]?.accuracy.value == 1)
        #expect(fields["to"]?.status.label == "no truth")
        #expect(report.detainer.status.label == "no truth")
        #expect(report.counts.status.label == "no truth")
        #expect(report.leaks.status.label == "no truth")
    }
}
