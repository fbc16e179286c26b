import FoiaCore
import Foundation

/// A page as it may be published in a redacted PDF: the boxes to burn in and the words left.
///
/// Only `Redactor` makes one (the initializer is `internal`), so the PDF writer, which
/// accepts nothing else, cannot be handed a page whose redactions were never decided.
/// `words` is the page's text with every redacted run of words replaced by one word holding
/// the placeholder (`[PERSON-7F3A]`, `[DOB]`) over the run's box: it becomes the page's
/// invisible, searchable text layer.
public struct RedactedPage: Sendable {
    public let number: Int
    public let width: Double
    public let height: Double
    public let source: PageSource
    /// Clockwise turn applied to read a scan upright (the boxes are in displayed coordinates).
    public let scanRotation: Int
    /// Areas to black out, in page points (displayed coordinates, origin top-left).
    public let boxes: [Box]
    public let words: [Word]
    /// Withheld whole by the reviewer (`withhold`): published covered in black with only
    /// the notice `WithheldNotice.reviewLabel`, no image and none of its words.
    public let isWithheld: Bool

    /// A page must be rasterised when anything on it is redacted; a scanned page always is,
    /// so the only text layer it carries is the one made here from redacted words.
    public var mustRasterize: Bool { !boxes.isEmpty || source == .ocr }

    init(page: PageText, boxes: [Box], words: [Word], isWithheld: Bool = false) {
        number = page.number
        width = page.width
        height = page.height
        source = page.source
        scanRotation = page.scanRotation
        self.boxes = boxes
        self.words = words
        self.isWithheld = isWithheld
    }
}

/// A redacted page and the audit records of its redactions.
public struct PageRedactionResult: Sendable {
    public let page: RedactedPage
    public let records: [RedactionRecord]
}

extension Redactor {
    /// Redacts one page for the PDF: the same rules and registry as the communication text.
    ///
    /// A word touched by a redaction is dropped whole from the text layer (a word partly
    /// covered, `Alvarez's`, is covered whole), and the run of words is replaced by one
    /// placeholder word, so the text layer reads like the published JSON.
    public func redact(
        page: PageText, roles: [LineRole], registry: EntityRegistry, communicationID: String = ""
    ) -> PageRedactionResult {
        redact(page: page, roles: roles, in: scope(registry), communicationID: communicationID)
    }

    /// Redacts one page within a document's scope (`scope(_:)`).
    public func redact(
        page: PageText, roles: [LineRole], in scope: RedactionScope, communicationID: String = ""
    ) -> PageRedactionResult {
        let registry = scope.registry
        if let review = registry.review, review.withheld(in: registry.scope).contains(page.number) {
            // Nothing of a withheld page is read or kept: one audit line says it was withheld.
            let record = RedactionRecord(
                communicationID: communicationID, field: "page", page: page.number, type: .otherIdentifier,
                ruleID: ReviewDecisions.withheldRule, original: "", placeholder: WithheldNotice.reviewLabel,
                confidence: 1)
            return PageRedactionResult(
                page: RedactedPage(page: page, boxes: [], words: [], isWithheld: true), records: [record])
        }
        let found = redactions(on: page, roles: roles, in: scope, communicationID: communicationID)
        guard !found.isEmpty else {
            return PageRedactionResult(page: RedactedPage(page: page, boxes: [], words: page.words), records: [])
        }
        var covered = [Int: String]()  // word index → placeholder of the first run covering it
        var boxes: [Box] = []
        for r in found {
            boxes += r.boxes
            for (i, w) in page.words.enumerated() where covered[i] == nil {
                if r.boxes.contains(where: { $0.intersection(w.box) != nil }) { covered[i] = r.record.placeholder }
            }
        }
        var words: [Word] = []
        var i = 0
        while i < page.words.count {
            guard let placeholder = covered[i] else {
                words.append(page.words[i])
                i += 1
                continue
            }
            var box = page.words[i].box
            var endsLine = page.words[i].endsLine
            var j = i + 1
            while j < page.words.count, !page.words[j - 1].endsLine, covered[j] == placeholder {
                box = box.union(page.words[j].box)
                endsLine = page.words[j].endsLine
                j += 1
            }
            words.append(Word(text: placeholder, box: box, confidence: 100, endsLine: endsLine))
            i = j
        }
        return PageRedactionResult(
            page: RedactedPage(page: page, boxes: boxes, words: words), records: found.map(\.record))
    }
}
