import FoiaCore
import Redaction

/// The contract's communication record as published (`public/communications.jsonl`).
///
/// It takes a `RedactedCommunication` and nothing else: that value can only come out of the
/// redaction stage, so no code path can publish a communication whose text was not redacted.
public enum PublicRecord {
    public static func json(_ r: RedactedCommunication) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("id", r.id)
        j.field("kind", r.kind.rawValue)
        j.key("source")
        j.beginObject()
        j.field("path", r.path)
        j.field("sha256", r.sha256)
        j.field("page_start", r.pageStart)
        j.field("page_end", r.pageEnd)
        j.field("bates_start", r.batesStart)
        j.field("bates_end", r.batesEnd)
        j.endObject()
        j.field("ocr", r.ocr)
        j.key("header")
        CommunicationRecord.writeHeader(r.header, into: &j)
        j.key("quoted")
        j.beginArray()
        for q in r.quoted {
            j.beginObject()
            j.field("from", q.from)
            j.field("sent", q.sent)
            j.field("subject", q.subject)
            j.endObject()
        }
        j.endArray()
        j.field("body", r.body)
        j.key("redactions")
        j.beginObject()
        for (type, count) in r.redactions.sorted(by: { $0.key < $1.key }) { j.field(type, count) }
        j.endObject()
        CommunicationRecord.write(
            r.classification ?? Classification(detainer: DetainerFinding(present: false, forms: []), offenses: [], severity: "none"),
            into: &j)
        j.key("existing_redactions")
        j.beginObject()
        j.field("boxes", r.existingRedactions.boxes)
        j.field(strings: "codes", r.existingRedactions.codes)
        j.endObject()
        j.field("duplicate_of", r.duplicateOf)
        j.endObject()
        return j.text
    }
}

/// The writer of `public/communications.jsonl`: written atomically, fed only redacted records.
public final class PublicCommunicationsFile {
    private let file: AtomicFile

    public init(path: String) throws {
        file = try AtomicFile(path: path)
    }

    public func write(_ r: RedactedCommunication) throws {
        try file.writeLine(PublicRecord.json(r))
    }

    public func commit() throws { try file.commit() }
    public func discard() { file.discard() }
}
