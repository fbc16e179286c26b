import FoiaCore

/// The contract's communication record, for the reviewer's unredacted copy
/// (`private/communications.jsonl`).
///
/// Fields of stages that have not run are left out rather than written empty, so that
/// `foiapipe eval` reports them as not built instead of scoring them.
public enum CommunicationRecord {
    public static func json(_ c: Communication, classified: Classification? = nil) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("id", c.id)
        j.field("kind", c.kind.rawValue)
        j.key("source")
        j.beginObject()
        j.field("path", c.path)
        j.field("sha256", c.sha256)
        j.field("page_start", c.pageStart)
        j.field("page_end", c.pageEnd)
        j.field("bates_start", c.batesStart)
        j.field("bates_end", c.batesEnd)
        j.endObject()
        j.field("ocr", c.ocr)
        j.key("header")
        writeHeader(c.header, into: &j)
        j.key("quoted")
        j.beginArray()
        for q in c.quoted {
            j.beginObject()
            j.field("from", q.from)
            j.field("sent", q.sent)
            j.field("subject", q.subject)
            j.endObject()
        }
        j.endArray()
        j.field("body", c.body)
        if let classified { write(classified, into: &j) }
        j.key("existing_redactions")
        j.beginObject()
        j.field("boxes", c.existingRedactions.boxes)
        j.field(strings: "codes", c.existingRedactions.codes)
        j.endObject()
        j.field("duplicate_of", c.duplicateOf)
        j.endObject()
        return j.text
    }

    static func write(_ k: Classification, into j: inout JSONText) {
        j.key("detainer")
        j.beginObject()
        j.field("present", k.detainer.present)
        j.field(strings: "forms", k.detainer.forms)
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
