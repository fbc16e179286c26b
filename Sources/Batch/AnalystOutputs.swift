import Analyst
import Foundation
import Redaction

/// The analyst's files pass 2 writes beside `communications.jsonl`: `public/report.html`,
/// `public/foiapipe.sqlite` and its Datasette `public/metadata.json`. Fed the same
/// `RedactedCommunication`s as the JSON writer, in the same order, and renamed into place
/// with the other public files.
final class AnalystOutputs: @unchecked Sendable {
    // Used only from `orderedParallel`'s sink, which is never called concurrently.
    private var report = AnalystReport()
    private let database: PublicDatabase
    private let layout: OutputLayout

    init(_ layout: OutputLayout) throws {
        self.layout = layout
        database = try PublicDatabase(path: layout.publicDir + "/foiapipe.sqlite")
    }

    func write(_ communications: [RedactedCommunication]) throws {
        for c in communications {
            report.add(c)
            try database.write(c)
        }
    }

    func commit(_ summary: RunSummary) throws {
        let corpus = CorpusFacts(
            documents: summary.documents, failedDocuments: summary.failedDocuments, pages: summary.pages,
            ocrPages: summary.ocrPages)
        try database.commit()
        try DatasetteMetadata.write(to: layout.publicDir + "/metadata.json")
        try report.write(to: layout.publicDir + "/report.html", corpus: corpus)
    }

    func discard() { database.discard() }
}
