import Classification
import FoiaCore
import Foundation
import Output
import Redaction
import RunStore
import Segmentation

/// One document after pass 2: its redacted records, its audit lines, and the PDF written.
///
/// A document is published whole or not at all: when its PDF cannot be written (`error`
/// set), its records stay out of `public/communications.jsonl` and its counts out of
/// `public/counts.csv`; its audit lines are kept for the reviewer.
struct Published: Sendable {
    var key: InputKey
    var path: String
    var communications: [RedactedCommunication] = []
    var audit: [String] = []
    /// Redactions below full confidence, for the review listing.
    var uncertain: [(path: String, record: RedactionRecord)] = []
    var redactionCount = 0
    var redactedPages = 0
    var error: DocumentError?

    /// Redacts one stored document and writes its redacted PDF.
    static func make(
        key: InputKey, input: InputDocument, store: RunStore, layout: OutputLayout, redactor: Redactor,
        segmenter: Segmenter, classifier: Classifier, dump: DumpState, publisher: (@Sendable (String, [RedactedPage], String) throws(DocumentError) -> Void)?
    ) -> Published {
        var out = Published(key: key, path: input.relativePath)
        var pages: [PageText] = []
        let spooled: StoredDocument
        do {
            guard let doc = try StoredDocument.load(key, from: store) else {
                throw BatchError.store(StoreError(path: store.path, "no stored result"))
            }
            spooled = doc
            for data in try store.pages(key) { pages.append(try StoredPage.decode(data)) }
        } catch {
            out.error = DocumentError(
                .writeFailed, stage: .redact, "the run store's data for this document is missing or damaged; run again",
                cause: "\(error)")
            return out
        }
        // Duplicates were marked in output order when the private files were written.
        var communications = spooled.communications
        for i in communications.indices { communications[i].duplicateOf = dump.duplicateOf[communications[i].id] }
        let scope = redactor.scope(dump.registry.scoped(to: input.relativePath))
        var records: [RedactionRecord] = []
        // Pages the reviewer withheld whole: what they print is left out (see `Withholding`).
        let withheld = dump.registry.review?.withheld(in: input.relativePath) ?? []
        for (whole, classified) in zip(communications, spooled.classifications) {
            guard case let (c, k)? = Withheld.communication(whole, classified, withheld: withheld, classifier: classifier)
            else { continue }
            let r = redactor.redact(c, classification: k, in: scope)
            out.communications.append(r.communication)
            out.redactionCount += r.communication.redactions.values.reduce(0, +)
            records += r.records
        }
        // Pages belong to the communication that starts on or before them.
        let owners = communications.map { ($0.pageStart, $0.id) }
        var redactedPages: [RedactedPage] = []
        for page in pages {
            let owner = owners.last(where: { $0.0 <= page.number })?.1 ?? ""
            let r = redactor.redact(
                page: page, roles: segmenter.roles(of: page), in: scope, communicationID: owner)
            if !r.page.boxes.isEmpty || r.page.isWithheld { out.redactedPages += 1 }
            redactedPages.append(r.page)
            records += r.records
        }
        out.audit = records.map { AuditLine.json(path: input.relativePath, $0) }
        out.uncertain = records.filter { $0.confidence < 1 }.map { (input.relativePath, $0) }
        if let publisher {
            let destination = layout.publicDir + "/redacted/" + input.relativePath
            do throws(DocumentError) {
                try publisher(input.path, redactedPages, destination)
            } catch {
                out.error = error
            }
        }
        return out
    }
}

/// A communication and its classification as published with some pages withheld: the
/// communication cut (`Withholding`), classified again from what is left so that its counts
/// and evidence come only from published text; nil when it is withheld whole.
enum Withheld {
    static func communication(
        _ c: Communication, _ k: Classification, withheld: Set<Int>, classifier: Classifier
    ) -> (Communication, Classification)? {
        guard Withholding.touches(c, withheld: withheld) else { return (c, k) }
        guard let cut = Withholding.apply(c, withheld: withheld) else { return nil }
        return (cut, classifier.classify(cut))
    }
}

/// One line of `private/audit.jsonl`: the redaction record and the document it is in.
enum AuditLine {
    static func json(path: String, _ r: RedactionRecord) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("path", path)
        j.field("communication_id", r.communicationID)
        j.field("field", r.field)
        j.field("page", r.page)
        j.field("type", r.type.rawValue)
        j.field("rule", r.ruleID)
        j.field("original", r.original)
        j.field("placeholder", r.placeholder)
        j.key("confidence")
        j.number(r.confidence, decimals: 3)
        j.endObject()
        return j.text
    }
}

/// One line of `private/persons.jsonl`: a person of the dump's registry and their tag.
enum PersonLine {
    static func json(_ p: EntityRegistry.Listing, tag: String) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("identity", p.identity)
        j.field("status", p.isOfficial ? "official" : "private")
        j.field("tag", p.isOfficial ? nil : tag)
        j.field(strings: "names", p.names)
        j.field(strings: "rules", p.rules)
        j.field(strings: "documents", p.documents)
        j.endObject()
        return j.text
    }
}

/// The files pass 2 writes: the public records, the audit and the review listing.
final class PublicationFiles: @unchecked Sendable {
    // Used only from `orderedParallel`'s sink, which is never called concurrently.
    let communications: PublicCommunicationsFile
    let audit: AtomicFile
    let review: AtomicFile
    /// `private/persons.jsonl`: the registry's persons and officials, for the reviewer.
    let persons: AtomicFile
    private var uncertain: [(path: String, record: RedactionRecord)] = []
    private let personLines: [String]

    init(_ layout: OutputLayout, registry: EntityRegistry, pseudonyms: Pseudonymizer) throws {
        communications = try PublicCommunicationsFile(path: layout.publicDir + "/communications.jsonl")
        audit = try AtomicFile(path: layout.privateDir + "/audit.jsonl")
        review = try AtomicFile(path: layout.privateDir + "/review.tsv")
        persons = try AtomicFile(path: layout.privateDir + "/persons.jsonl")
        personLines = registry.listing.map { PersonLine.json($0, tag: pseudonyms.tag(forIdentity: $0.identity)) }
    }

    func write(_ p: Published, errors: AtomicFile) throws {
        if let error = p.error {
            try errors.writeLine(PageRecord.errorJSON(path: p.path, error: error))
        } else {
            for c in p.communications { try communications.write(c) }
        }
        for line in p.audit { try audit.writeLine(line) }
        uncertain += p.uncertain
    }

    func commit() throws {
        try review.writeLine(ReviewListing.header)
        for line in ReviewListing.lines(uncertain) { try review.writeLine(line) }
        for line in personLines { try persons.writeLine(line) }
        try audit.commit()
        try review.commit()
        try persons.commit()
        try communications.commit()
    }

    func discard() {
        communications.discard()
        audit.discard()
        review.discard()
        persons.discard()
    }
}

/// `private/review.tsv`: the least certain redactions first, for a reviewer to check.
enum ReviewListing {
    static let header = "confidence\tpath\tpage\tfield\ttype\trule\toriginal\tplaceholder"

    static func lines(_ items: [(path: String, record: RedactionRecord)]) -> [String] {
        let byRecord = Dictionary(grouping: items, by: { $0.record })
        return recordsForReview(items.map(\.record)).compactMap { r in
            guard let path = byRecord[r]?.first?.path else { return nil }
            let clean = { (s: String) in s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            return [
                String(format: "%.3f", r.confidence), path, r.page.map(String.init) ?? "", r.field, r.type.rawValue,
                r.ruleID, clean(r.original), r.placeholder,
            ].joined(separator: "\t")
        }
    }
}

/// The secret behind `[PERSON-XXXX]` tags, kept in `private/` so that tags stay stable
/// across runs into the same folder (and can be copied to other machines for shards).
enum PseudonymKey {
    static func loadOrCreate(at path: String) throws -> [UInt8] {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var bytes: [UInt8] = []
            var i = hex.startIndex
            while i < hex.endIndex, let j = hex.index(i, offsetBy: 2, limitedBy: hex.endIndex),
                let b = UInt8(hex[i..<j], radix: 16)
            {
                bytes.append(b)
                i = j
            }
            guard bytes.count >= 16 else {
                throw UsageError("the pseudonym key \(path) is damaged; restore it from a backup (tags change without it)")
            }
            return bytes
        }
        let key = Pseudonymizer.randomKey()
        let file = try AtomicFile(path: path)
        try file.write(key.map { String(format: "%02x", $0) }.joined() + "\n")
        try file.commit()
        chmod(path, 0o600)
        return key
    }
}
