import FoiaCore
import Foundation
import Poppler

/// What poppler shows of one public PDF: each page's text layer, which pages carry images,
/// the document's metadata, and whatever a PDF can hide besides its pages.
///
/// Annotations, attachments, form fields and JavaScript are problems by their presence:
/// the writer produces none, and their content (a comment, an attached original, a field
/// value) is not something this check can read completely.
struct PDFInspection: Sendable {
    struct Page: Sendable {
        var number: Int
        var text: String
        var hasImage: Bool
    }

    var pages: [Page] = []
    /// Info-dictionary fields and XMP, by name (`title`, `author` … `xmp`).
    var metadata: [(field: String, value: String)] = []
    var problems: [Problem] = []

    var hasImagePages: Bool { pages.contains(where: \.hasImage) }

    /// Reads the PDF; when poppler cannot open it, the result is a single `unreadable` problem.
    init(path: String, relativePath file: String) {
        let doc: PopplerDocument
        do throws(DocumentError) {
            doc = try PopplerDocument(path: path, stage: .publish)
        } catch {
            problems.append(
                Problem(
                    kind: .unreadable, file: file, page: nil,
                    detail: "poppler cannot open it (\(error.description)); its content cannot be checked, so remove it or fix it"))
            return
        }
        metadata = doc.metadata
        let attachments = doc.attachmentCount
        if attachments > 0 {
            problems.append(
                Problem(
                    kind: .attachment, file: file, page: nil,
                    detail: "\(attachments) embedded file(s); publish them separately after redaction"))
        }
        if doc.hasJavaScript {
            problems.append(Problem(kind: .javascript, file: file, page: nil, detail: "the document carries JavaScript"))
        }
        if metadata.contains(where: { $0.field == "xmp" }) {
            problems.append(
                Problem(
                    kind: .xmpMetadata, file: file, page: nil,
                    detail: "an XMP metadata stream (may hold edit history); the redacted writer never adds one"))
        }
        let count = doc.pageCount
        for number in 1...max(1, count) where number <= count {
            guard let page = doc.page(number) else {
                problems.append(
                    Problem(kind: .unreadable, file: file, page: number, detail: "poppler cannot parse the page"))
                continue
            }
            pages.append(Page(number: number, text: page.text, hasImage: !page.images.isEmpty))
            for kind in page.annotationKinds {
                problems.append(
                    Problem(
                        kind: .annotation, file: file, page: number,
                        detail: "a \(kind) annotation; annotations are not checked, remove them"))
            }
            let fields = page.formFieldCount
            if fields > 0 {
                problems.append(Problem(kind: .formField, file: file, page: number, detail: "\(fields) form field(s)"))
            }
        }
    }
}
