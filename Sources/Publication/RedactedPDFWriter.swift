import FoiaCore
import Poppler
import Redaction

/// Writes the publication copy of one input PDF: every page redacted, nothing else carried over.
///
/// The copy is a new file drawn by cairo, never an edit of the source, so the source's
/// metadata, annotations, form fields, attachments, JavaScript and incremental history
/// cannot survive. A page with anything redacted (and every scanned page) becomes an image
/// with the boxes burned into its pixels over an invisible layer of the redacted words; a
/// text page with nothing redacted is redrawn as vectors by poppler (annotations and form
/// fields flattened into the page, as the text layer the redactor read had them). A page the
/// pipeline could not read is published blank with a notice.
///
/// Memory: one page image at a time (about 8 MB for letter at 150 dpi). Safe to call from
/// several threads at once for different documents; each call opens its own poppler handle.
/// Calls take turns, a page at a time, for the work that uses cairo's fonts (`CairoFonts`:
/// rendering, drawing on the PDF, finishing it) and overlap for the rest (the page's JPEG,
/// opening the source, the redaction around them).
public struct RedactedPDFWriter: Sendable {
    /// Resolution of rasterised pages.
    public var dpi: Int
    /// Points added around each box before it is burned in, so antialiased glyph edges and
    /// small box errors of OCR do not leave a readable fringe.
    public var padding: Double

    public init(dpi: Int = 150, padding: Double = 1) {
        self.dpi = dpi
        self.padding = padding
    }

    /// Writes the redacted copy of `source` to `destination` (folders are created; an existing
    /// file is replaced atomically).
    ///
    /// `pages` holds at most one page per source page; a source page with none is withheld.
    /// - Throws: `PublicationError` when the source cannot be opened, the pages do not belong
    ///   to it, a page cannot be rendered, or the destination cannot be written; nothing is
    ///   left at `destination` then.
    public func write(source: String, pages: [RedactedPage], to destination: String) throws(PublicationError) {
        guard (36...1200).contains(dpi), padding >= 0, padding.isFinite else {
            throw PublicationError(.badSetting, "dpi \(dpi) or padding \(padding) out of range; use 36–1200 dpi")
        }
        let document = try Self.open(source)
        let byNumber = try Self.index(pages, pageCount: document.pageCount, source: source)
        let target = try AtomicDestination(path: destination)
        do throws(PublicationError) {
            let canvas = try PDFCanvas(path: target.temporaryPath, destination: target.path)
            for number in 1...max(1, document.pageCount) {
                try writePage(number, redacted: byNumber[number], from: document, on: canvas)
            }
            try canvas.finish()
        } catch {
            target.discard()
            throw error
        }
        try target.commit()
    }

    /// Opens the source through the project's one poppler layer; its release takes the font
    /// lock, because the document's cairo font faces go with it.
    static func open(_ source: String) throws(PublicationError) -> PopplerDocument {
        do throws(DocumentError) {
            return try PopplerDocument(path: source, stage: .publish) { release in CairoFonts.serialised(release) }
        } catch {
            throw PublicationError(
                .cannotOpenSource, "source PDF '\(source)' cannot be opened: \(error.message)", cause: error.cause,
                sourceCode: error.code)
        }
    }

    /// Checks that the pages belong to a document of `pageCount` pages, keyed by number.
    static func index(_ pages: [RedactedPage], pageCount: Int, source: String) throws(PublicationError)
        -> [Int: RedactedPage]
    {
        guard pageCount > 0 else {
            throw PublicationError(.noPages, "source PDF '\(source)' has no pages; there is no copy to publish")
        }
        var byNumber = [Int: RedactedPage]()
        for p in pages {
            guard (1...pageCount).contains(p.number) else {
                throw PublicationError(
                    .pageMismatch,
                    "redacted page \(p.number) is not in '\(source)' (\(pageCount) pages); the pages were extracted from another file"
                )
            }
            guard byNumber[p.number] == nil else {
                throw PublicationError(
                    .pageMismatch, "page \(p.number) of '\(source)' was given twice; pass each redacted page once")
            }
            byNumber[p.number] = p
        }
        return byNumber
    }

    private func writePage(_ number: Int, redacted: RedactedPage?, from document: PopplerDocument, on canvas: PDFCanvas)
        throws(PublicationError)
    {
        let page = document.page(number)
        if let redacted {
            guard let page else {
                throw PublicationError(
                    .cannotRender, "page \(number) was redacted but poppler cannot parse it now; was the source replaced?")
            }
            let size = page.size
            guard abs(size.width - redacted.width) <= 1, abs(size.height - redacted.height) <= 1 else {
                throw PublicationError(
                    .pageMismatch,
                    "page \(number) is \(Int(size.width))×\(Int(size.height)) pt in the source but \(Int(redacted.width))×\(Int(redacted.height)) pt redacted; the pages were extracted from another file"
                )
            }
        }
        let treatment = PageTreatment.decide(page: redacted) { page?.imageCoverage ?? 1 }
        switch (treatment, page, redacted) {
        case (.withheldByReview, _, let redacted?):
            try canvas.page(width: redacted.width, height: redacted.height) { cr throws(PublicationError) in
                WithheldPage.drawReviewed(width: redacted.width, height: redacted.height, on: cr)
            }
        case (.vector, let page?, let redacted?):
            try canvas.page(width: redacted.width, height: redacted.height) { cr throws(PublicationError) in
                page.render(on: cr)
            }
        case (.raster, let page?, let redacted?):
            // The image is made before the page is begun and freed when this case ends.
            let raster = try PageRaster.render(
                page, width: redacted.width, height: redacted.height, dpi: dpi, boxes: redacted.boxes, padding: padding)
            try canvas.page(width: redacted.width, height: redacted.height) { cr throws(PublicationError) in
                TextLayer.draw(redacted.words, scanRotation: redacted.scanRotation, on: cr)
                raster.paint(on: cr)
            }
        default:
            let size = page?.size ?? (width: 612, height: 792)
            try canvas.page(width: size.width, height: size.height) { cr throws(PublicationError) in
                WithheldPage.draw(number: number, on: cr)
            }
        }
    }
}
