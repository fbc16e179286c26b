import FoiaCore

/// The private per-page record (`private/pages.jsonl`): unredacted, never published.
public enum PageRecord {
    public static func json(document: ExtractedDocument, page: PageText) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("path", document.input.relativePath)
        j.field("sha256", document.sha256)
        j.field("page", page.number)
        j.field("source", page.source.rawValue)
        j.field("ocr_reason", page.decision.reason)
        j.key("confidence")
        j.number(page.confidence, decimals: 1)
        j.key("width")
        j.number(page.width)
        j.key("height")
        j.number(page.height)
        j.field("rotation", page.scanRotation)
        j.key("redaction_boxes")
        j.beginArray()
        for b in page.redactionBoxes {
            j.beginArray()
            j.number(b.x0, decimals: 1)
            j.number(b.y0, decimals: 1)
            j.number(b.x1, decimals: 1)
            j.number(b.y1, decimals: 1)
            j.endArray()
        }
        j.endArray()
        j.field("text", page.text)
        j.key("words")
        // The words are most of the record, and appending to a String a piece at a time cost
        // more than the formatting: they are written as bytes, as `beginArray`, `string` and
        // `number` would write them, and added once.
        var rows: [UInt8] = []
        rows.reserveCapacity(2 + page.words.count * 48)
        rows.append(UInt8(ascii: "["))
        for (k, w) in page.words.enumerated() {
            if k > 0 { rows.append(UInt8(ascii: ",")) }
            rows.append(UInt8(ascii: "["))
            JSONText.appendQuoted(w.text, to: &rows)
            rows.append(UInt8(ascii: ","))
            JSONText.appendNumber(w.box.x0, decimals: 1, to: &rows)
            rows.append(UInt8(ascii: ","))
            JSONText.appendNumber(w.box.y0, decimals: 1, to: &rows)
            rows.append(UInt8(ascii: ","))
            JSONText.appendNumber(w.box.x1, decimals: 1, to: &rows)
            rows.append(UInt8(ascii: ","))
            JSONText.appendNumber(w.box.y1, decimals: 1, to: &rows)
            rows.append(UInt8(ascii: ","))
            JSONText.appendNumber(w.confidence, decimals: 0, to: &rows)
            rows.append(UInt8(ascii: "]"))
        }
        rows.append(UInt8(ascii: "]"))
        j.raw(String(decoding: rows, as: UTF8.self))
        j.endObject()
        return j.text
    }

    /// One `errors.jsonl` line, as the contract fixes it: path, stage, error.
    public static func errorJSON(path: String, error: DocumentError) -> String {
        var j = JSONText()
        j.beginObject()
        j.field("path", path)
        j.field("stage", error.stage.rawValue)
        j.field("error", error.description)
        j.field("code", error.code.rawValue)
        j.endObject()
        return j.text
    }
}
