import FoiaCore

/// The contract's communication record, for the reviewer's unredacted copy
/// (`private/communications.jsonl`).
///
/// Fields of stages that have not run are left out rather than written empty, so that
/// `foiapipe eval` reports them as not built instead of scoring them.
public enum CommunicationRecord {
    public static func json(_ c: Communication, classified: Classification? = nil) -> String {
        record(
            id: c.id, kind: c.kind, path: c.path, sha256: c.sha256, pageStart: c.pageStart, pageEnd: c.pageEnd,
            batesStart: c.batesStart, batesEnd: c.batesEnd, ocr: c.ocr, header: c.header, quoted: c.quoted,
            body: c.body, redactions: nil, classification: classified, existing: c.existingRedactions,
            duplicateOf: c.duplicateOf, explain: true)
    }

    /// The contract's record in its key order, for the private and the public writer alike;
    /// `redactions` and `classification` are left out when nil.
    static func record(
        id: String, kind: Communication.Kind, path: String, sha256: String, pageStart: Int, pageEnd: Int,
        batesStart: String?, batesEnd: String?, ocr: Bool, header: MessageHeader, quoted: [QuotedHeader],
        body: String, redactions: [String: Int]?, classification: Classification?, existing: ExistingRedactions,
        duplicateOf: String?, explain: Bool = false
    ) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("id", id)
        j.field("kind", kind.rawValue)
        j.key("source")
        j.beginObject()
        j.field("path", path)
        j.field("sha256", sha256)
        j.field("page_start", pageStart)
        j.field("page_end", pageEnd)
        j.field("bates_start", batesStart)
        j.field("bates_end", batesEnd)
        j.endObject()
        j.field("ocr", ocr)
        j.key("header")
        writeHeader(header, into: &j)
        j.key("quoted")
        j.beginArray()
        for q in quoted {
            j.beginObject()
            j.field("from", q.from)
            j.field("sent", q.sent)
            j.field("subject", q.subject)
            j.endObject()
        }
        j.endArray()
        j.field("body", body)
        if let redactions {
            j.key("redactions")
            j.beginObject()
            for (type, count) in redactions.sorted(by: { $0.key < $1.key }) { j.field(type, count) }
            j.endObject()
        }
        if let classification { write(classification, into: &j, explain: explain) }
        j.key("existing_redactions")
        j.beginObject()
        j.field("boxes", existing.boxes)
        j.field(strings: "codes", existing.codes)
        j.endObject()
        j.field("duplicate_of", duplicateOf)
        j.endObject()
        return j.text
    }

    /// `explain` adds `detainer.decided_by` (the reviewer's copy only: it quotes unredacted text).
    static func write(_ k: Classification, into j: inout JSONText, explain: Bool = false) {
        j.key("detainer")
        j.beginObject()
        j.field("present", k.detainer.present)
        j.field(strings: "forms", k.detainer.forms)
        if explain, let d = k.detainer.decidedBy {
            j.key("decided_by")
            j.beginObject()
            j.field("rule", d.rule)
            j.field("page", d.page)
            j.field("sentence", d.sentence)
            j.endObject()
        }
        j.endObject()
        j.key("offenses")
        j.beginArray()
        for o in k.offenses {
            j.beginObject()
            j.field("category", o.category)
            j.field("level", o.level)
            j.field("statute", o.statute)
            j.field("violent", o.violent)
            j.field("status", o.status)
            j.field("page", o.page)
            j.field("evidence", o.evidence)
            j.endObject()
        }
        j.endArray()
        j.field("severity", k.severity)
    }

    static func writeHeader(_ h: MessageHeader, into j: inout JSONText) {
        j.beginObject()
        j.field("from", h.from)
        j.field(strings: "to", h.to)
        j.field(strings: "cc", h.cc)
        j.field(strings: "bcc", h.bcc)
        j.field("sent", h.sent)
        j.field("subject", h.subject)
        j.field(strings: "attachments", h.attachments)
        j.endObject()
    }
}
