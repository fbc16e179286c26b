import FoiaCore
import Foundation

/// A page's words joined into text the rules read, remembering where each word is.
struct PageWords {
    let text: String
    /// UTF-16 span of each word of the page in `text`.
    let spans: [TextSpan]

    init(_ page: PageText) {
        var text = ""
        var spans: [TextSpan] = []
        var offset = 0
        for (i, w) in page.words.enumerated() {
            let length = (w.text as NSString).length
            spans.append(TextSpan(offset, offset + length))
            text += w.text
            offset += length
            if i < page.words.count - 1 {
                text += w.endsLine ? "\n" : " "
                offset += 1
            }
        }
        self.text = text
        self.spans = spans
    }
}

extension Redactor {
    /// Tesseract's confidence below which a word beside a redacted name is burned in with it.
    static let unsureConfidence = 60.0

    /// A name's words on a scan, with the word right before or after it on its line when
    /// tesseract was unsure of that word (a letter-bearing word below 60 % confidence).
    ///
    /// In `LAST, First` the surname is often the word OCR damages (`DESIR,` read as `ae.`):
    /// the rules cannot know the noise for a name, but a second reading of the image, a
    /// reader's eyes or `foiapipe verify`'s OCR can. The box goes with the name's redaction,
    /// so the noise is neither published nor audited as a string of its own.
    static func withUnsureNeighbours(_ covered: [Int], on page: PageText) -> [Int] {
        guard let first = covered.first, let last = covered.last else { return covered }
        let words = page.words
        func unsure(_ i: Int, beside j: Int) -> Bool {
            guard words.indices.contains(i), words[i].confidence < unsureConfidence,
                words[i].text.contains(where: \.isLetter)
            else { return false }
            let (a, b) = i < j ? (words[i], words[j]) : (words[j], words[i])
            guard !a.endsLine else { return false }
            // Beside it on the same printed line: overlapping heights, a gap under two line heights.
            let height = max(a.box.height, b.box.height)
            return a.box.y1 > b.box.y0 && b.box.y1 > a.box.y0 && b.box.x0 - a.box.x1 < 2 * height
        }
        var out = covered
        if unsure(first - 1, beside: first) { out.insert(first - 1, at: 0) }
        if unsure(last + 1, beside: last) { out.append(last + 1) }
        return out
    }
}

/// One redaction on a page: where to burn it in, and what it was (for the audit).
public struct PageRedaction: Sendable, Hashable {
    /// One box per printed line the redaction covers, in page points.
    public var boxes: [Box]
    public var record: RedactionRecord
}

extension Redactor {
    /// The boxes to black out on a page: every word (or run of words) the rules and the
    /// registry redact, found exactly as in the communication's text so the redacted PDF and
    /// the JSON agree. Words split by OCR (`jian_zhang9 @icloud.com`) are matched as a
    /// sequence; a word partly covered (`Alvarez's`) is covered whole.
    public func redactionTargets(for page: PageText, roles: [LineRole], registry: EntityRegistry) -> [Box] {
        redactions(on: page, roles: roles, registry: registry).flatMap(\.boxes)
    }

    /// The redactions on a page with their boxes and audit records (`field: "page"`).
    ///
    /// - Parameter roles: segmentation's role of each printed line of the page, as given to
    ///   `detect(page:roles:)`.
    public func redactions(
        on page: PageText, roles: [LineRole], registry: EntityRegistry, communicationID: String = ""
    ) -> [PageRedaction] {
        redactions(on: page, roles: roles, in: scope(registry), communicationID: communicationID)
    }

    /// The redactions on a page within a document's scope (`scope(_:)`).
    public func redactions(
        on page: PageText, roles: [LineRole], in scope: RedactionScope, communicationID: String = ""
    ) -> [PageRedaction] {
        let words = PageWords(page)
        guard !words.text.isEmpty else { return [] }
        let resolver = scope.resolver
        let registry = scope.registry
        let ns = words.text as NSString
        var out: [PageRedaction] = []
        for s in resolver.resolve(words.text, field: .body, roles: roles) {
            var covered = words.spans.indices.filter { words.spans[$0].overlaps(s.span) }
            guard !covered.isEmpty else { continue }
            if s.type == .personName, page.source == .ocr { covered = Self.withUnsureNeighbours(covered, on: page) }
            var boxes: [Box] = []
            var current: Box?
            var previous: Int?
            for i in covered {
                let box = page.words[i].box
                if let c = current, let p = previous, p == i - 1, !page.words[p].endsLine {
                    current = c.union(box)
                } else {
                    if let c = current { boxes.append(c) }
                    current = box
                }
                previous = i
            }
            if let c = current { boxes.append(c) }
            let record = RedactionRecord(
                communicationID: communicationID, field: "page", page: page.number, type: s.type, ruleID: s.ruleID,
                original: ns.substring(with: s.span.nsRange), placeholder: s.placeholder,
                confidence: (s.confidence * 1000).rounded() / 1000)
            out.append(PageRedaction(boxes: boxes, record: record))
        }
        // Areas the reviewer drew (`ReviewDecisions`), with the words they touch, if any.
        if let document = registry.scope, let drawn = registry.review?.boxes[document]?[page.number] {
            for box in drawn {
                let touched = page.words.filter { $0.box.intersection(box) != nil }.map(\.text)
                let record = RedactionRecord(
                    communicationID: communicationID, field: "page", page: page.number, type: .otherIdentifier,
                    ruleID: ReviewDecisions.boxRule, original: touched.joined(separator: " "),
                    placeholder: PIIType.otherIdentifier.placeholder, confidence: 1)
                out.append(PageRedaction(boxes: [box], record: record))
            }
        }
        return out
    }
}
