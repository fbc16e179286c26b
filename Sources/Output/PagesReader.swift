import FoiaCore
import Foundation

/// Reads `private/pages.jsonl` back into documents, so later stages can be re-run and tested
/// on stored extractions (OCR is the expensive part of a run).
public enum PagesReader {
    public static func documents(at path: String, root: String = "") throws -> [ExtractedDocument] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var docs: [ExtractedDocument] = []
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let rel = obj["path"] as? String, let number = obj["page"] as? Int
            else { continue }
            let words: [Word] = ((obj["words"] as? [[Any]]) ?? []).compactMap { w in
                guard w.count >= 6, let t = w[0] as? String else { return nil }
                let n = w.dropFirst().map { ($0 as? NSNumber)?.doubleValue ?? 0 }
                return Word(text: t, box: Box(x0: n[0], y0: n[1], x1: n[2], y1: n[3]), confidence: n[4])
            }
            var marked = words
            let pageText = obj["text"] as? String ?? ""
            // Line ends are where the page text has newlines.
            var k = 0
            for textLine in pageText.split(separator: "\n", omittingEmptySubsequences: false) {
                let count = textLine.split(separator: " ").count
                k += count
                if count > 0, k - 1 < marked.count { marked[k - 1].endsLine = true }
            }
            var page = PageText(
                number: number, width: (obj["width"] as? NSNumber)?.doubleValue ?? 612,
                height: (obj["height"] as? NSNumber)?.doubleValue ?? 792,
                source: PageSource(rawValue: obj["source"] as? String ?? "text") ?? .text,
                decision: OCRDecision(.useTextLayer, reason: obj["ocr_reason"] as? String ?? ""),
                confidence: (obj["confidence"] as? NSNumber)?.doubleValue ?? 0, text: pageText, words: marked,
                scanRotation: obj["rotation"] as? Int ?? 0)
            page.redactionBoxes = ((obj["redaction_boxes"] as? [[NSNumber]]) ?? []).compactMap { b in
                b.count == 4 ? Box(x0: b[0].doubleValue, y0: b[1].doubleValue, x1: b[2].doubleValue, y1: b[3].doubleValue) : nil
            }
            if let last = docs.last, last.input.relativePath == rel {
                docs[docs.count - 1].pages.append(page)
            } else {
                docs.append(
                    ExtractedDocument(
                        input: InputDocument(path: root + rel, relativePath: rel), sha256: obj["sha256"] as? String ?? "",
                        pages: [page]))
            }
        }
        return docs
    }
}
