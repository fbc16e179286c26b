import FoiaCore
import Redaction

/// The contract's communication record as published (`public/communications.jsonl`).
///
/// It takes a `RedactedCommunication` and nothing else: that value can only come out of the
/// redaction stage, so no code path can publish a communication whose text was not redacted.
public enum PublicRecord {
    public static func json(_ r: RedactedCommunication) -> String {
        CommunicationRecord.record(
            id: r.id, kind: r.kind, path: r.path, sha256: r.sha256, pageStart: r.pageStart, pageEnd: r.pageEnd,
            batesStart: r.batesStart, batesEnd: r.batesEnd, ocr: r.ocr, header: r.header, quoted: r.quoted,
            body: r.body, redactions: r.redactions,
            classification: r.classification
                ?? Classification(detainer: DetainerFinding(present: false, forms: []), offenses: [], severity: "none"),
            existing: r.existingRedactions, duplicateOf: r.duplicateOf)
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
