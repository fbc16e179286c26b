import Extraction
import FoiaCore
import FoiaTestSupport
import Foundation
import Publication
import Redaction
import Rules
import Testing
import Verification

/// The real chain: a release is read, redacted and published by `RedactedPDFWriter`, and the
/// published copy must verify clean, while the unredacted source in its place must not.
@Suite(.serialized) struct PublishedCopyTests {
    static let page1 = [
        "Booking report", "Name: ALVAREZ, Jose Luis", "DOB: 03/04/1985", "A-Number: A087654321",
        "ALVAREZ was booked on Tuesday and is held at the county jail.",
    ]
    static let page2 = ["Intake sheet", "Name: ALVAREZ, Jose Luis", "A-Number: A087654321", "Held pending transfer."]

    @Test func writerOutputVerifiesCleanAndTheSourceDoesNot() throws {
        let folder = try OutputFolder()
        defer { folder.remove() }
        let source = folder.path + "/release.pdf"
        TestPDF.write([.text(Self.page1), .image(Self.page2)], to: source)

        let rules = try PIIRules.load(directory: Fixtures.repositoryRoot.appendingPathComponent("Pipelines/pii").path)
        let wordList = (try? WordList.load(path: ExtractionConfig().dictionary)) ?? WordList(words: [])
        let doc = Extractor(config: ExtractionConfig(), jobs: 2, wordList: wordList)
            .extractAll([InputDocument(path: source, relativePath: "release.pdf")])[0]
        try #require(doc.failure == nil && doc.pages.count == 2)
        let redactor = Redactor(rules: rules, key: Array("verification test key".utf8))
        var registry = EntityRegistry()
        for p in doc.pages { registry.merge(redactor.detect(page: p, roles: TestStructure.roles(of: p))) }
        let results = doc.pages.map { redactor.redact(page: $0, roles: TestStructure.roles(of: $0), registry: registry) }
        let records = results.flatMap(\.records)
        try #require(records.contains { $0.original.contains("ALVAREZ") })
        try RedactedPDFWriter().write(
            source: source, pages: results.map(\.page), to: folder.publicPath("redacted/release.pdf"))
        try folder.write("private/audit.jsonl", try auditLines(records, path: "release.pdf"))
        try folder.communications(["[PERSON] was booked."])

        let report = try folder.verify()
        #expect(report.isClean, "\(report.lines)")
        #expect(report.pagesOCRed == 2)

        try FileManager.default.copyItem(atPath: source, toPath: folder.publicPath("redacted/unredacted.pdf"))
        let leaky = try folder.verify()
        let methods = Set(leaky.leaks.filter { $0.file == "redacted/unredacted.pdf" }.map(\.method))
        #expect(methods == [.textLayer, .ocr], "\(leaky.lines)")
    }

    /// `RedactionRecord` lines with the `path` key the run adds.
    private func auditLines(_ records: [RedactionRecord], path: String) throws -> String {
        let encoder = JSONEncoder()
        return try records.map { r in
            var object = try JSONSerialization.jsonObject(with: encoder.encode(r)) as? [String: Any] ?? [:]
            object["path"] = path
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}
