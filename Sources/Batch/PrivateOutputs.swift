import Classification
import FoiaCore
import Foundation
import Output
import Redaction
import RunStore
import Segmentation

/// What the rebuild of pass 1's outputs hands to pass 2.
struct DumpState: Sendable {
    /// The whole dump's persons, officials and identifiers.
    var registry = EntityRegistry()
    /// `duplicate_of` of every communication that repeats an earlier one, by id.
    var duplicateOf: [String: String] = [:]
    /// Documents that could not be opened: nothing to redact.
    var failed: Set<InputKey> = []
    /// Pages of each document, for the redact pass to start long ones early.
    var pages: [InputKey: Int] = [:]
}

/// Writes pass 1's outputs (`private/pages.jsonl`, `private/communications.jsonl`,
/// `errors.jsonl`, `public/counts.csv`) from the run store, document by document in input
/// order, whatever order or which earlier run the results were stored in.
///
/// Rebuilding everything from the store is what makes a resumed run's files equal an
/// uninterrupted run's: nothing is appended to a file that a killed run half wrote.
/// Duplicates are marked here because the first occurrence is the first in output order.
final class PrivateOutputs: @unchecked Sendable {
    // Written from one thread, then only `errors` from `orderedParallel`'s sink, which is
    // never called concurrently: that is what makes sharing the handles safe.
    let errors: AtomicFile
    private let pages: AtomicFile
    private let communications: AtomicFile
    /// `private/review-sent.tsv`: header dates left null because they could not be told.
    private let sentReview: AtomicFile
    private let counts: AtomicFile?
    private var countEntries: [(key: InputKey, entry: CountsTable.Entry)] = []

    init(_ layout: OutputLayout, writeCounts: Bool) throws(BatchError) {
        do {
            pages = try AtomicFile(path: layout.privateDir + "/pages.jsonl")
            errors = try AtomicFile(path: layout.root + "/errors.jsonl")
            communications = try AtomicFile(path: layout.privateDir + "/communications.jsonl")
            sentReview = try AtomicFile(path: layout.privateDir + "/review-sent.tsv")
            try sentReview.writeLine(SentReviewListing.header)
            // Counts hold no text from the documents, so they may be published.
            counts = writeCounts ? try AtomicFile(path: layout.publicDir + "/counts.csv") : nil
        } catch {
            throw .output("\(error)")
        }
    }

    /// Streams every document's stored result into the files (not yet committed).
    /// - Parameter withheld: pages the reviewer withheld whole, by document; the counts take
    ///   each communication as it is published (`Withheld`), the private records stay whole.
    func write(
        _ keys: [InputKey], store: RunStore, summary: inout RunSummary, progress: (any RunProgress)?,
        withheld: [String: Set<Int>] = [:], classifier: Classifier? = nil
    ) throws(BatchError) -> DumpState {
        var state = DumpState()
        let duplicates = DuplicateIndex()
        for key in keys {
            defer { progress?.itemDone() }
            guard let doc = try StoredDocument.load(key, from: store) else {
                throw .store(
                    StoreError(path: store.path, "\(key.rel) has no stored result although its run finished; run again"))
            }
            summary.documents += 1
            summary.pages += doc.pages
            state.pages[key] = doc.pages
            summary.ocrPages += doc.ocrPages
            summary.communications += doc.communications.count
            if !doc.isComplete { summary.failedDocuments += 1 }
            if doc.failed { state.failed.insert(key) }
            do {
                for line in doc.errorLines { try errors.writeLine(line) }
                if doc.failed { continue }
                for line in try store.pageRecords(key) { try pages.writeLine(line) }
                var records = doc.communications
                duplicates.mark(&records)
                for (c, k) in zip(records, doc.classifications) {
                    if let original = c.duplicateOf { state.duplicateOf[c.id] = original }
                    try communications.writeLine(CommunicationRecord.json(c, classified: k))
                    if let line = SentReviewListing.line(c) { try sentReview.writeLine(line) }
                    var k = k
                    if let classifier, let pages = withheld[key.rel] {
                        guard let published = Withheld.communication(c, k, withheld: pages, classifier: classifier)
                        else { continue }
                        k = published.1
                    }
                    countEntries.append(
                        (
                            key,
                            CountsTable.Entry(
                                offenses: k.offenses.map { ($0.category, $0.level) }, detainer: k.detainer.present,
                                isDuplicate: c.duplicateOf != nil)
                        ))
                }
            } catch let error as StoreError {
                throw .store(error)
            } catch {
                throw .output("\(error)")
            }
            state.registry.merge(doc.registry)
        }
        return state
    }

    /// Renames the files into place (the errors file stays open for pass 2). The counts leave
    /// out `unpublished` documents, whose records were not published either.
    func commit(unpublished: Set<InputKey> = []) throws(BatchError) {
        do {
            try pages.commit()
            try communications.commit()
            try sentReview.commit()
            if let counts {
                let entries = countEntries.filter { !unpublished.contains($0.key) }.map(\.entry)
                try counts.write(CountsTable(entries).csv)
                try counts.commit()
            }
        } catch {
            throw .output("\(error)")
        }
    }

    func discard() {
        pages.discard()
        errors.discard()
        communications.discard()
        sentReview.discard()
        counts?.discard()
    }
}

/// `private/review-sent.tsv`: one line per communication whose `Sent:` was printed but is
/// null in the record, with why (an hour that cannot be told without AM/PM, a weekday
/// that does not fall on the date, nothing readable) and the value as printed.
///
/// Kept apart from `review.tsv`, whose lines are redactions (PII type, rule, placeholder).
/// It holds the printed date unredacted, so it stays under `private/`.
package enum SentReviewListing {
    package static let header = "problem\tpath\tpage\tcommunication_id\tfield\tsent_as_printed\twhy"
    private static let parser = SentDateParser(timeZone: "UTC")

    package static func line(_ c: Communication) -> String? {
        guard c.header.sent == nil, let printed = c.header.sentAsPrinted else { return nil }
        let problem = parser.read(printed).problem ?? .unreadable
        let clean = { (s: String) in s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        return [problem.rawValue, c.path, String(c.pageStart), c.id, "header.sent", clean(printed), problem.explanation]
            .joined(separator: "\t")
    }
}
