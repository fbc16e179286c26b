import CPoppler
import Foundation

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
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, nil, &error) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            problems.append(
                Problem(
                    kind: .unreadable, file: file, page: nil,
                    detail: "poppler cannot open it (\(message)); its content cannot be checked, so remove it or fix it"))
            return
        }
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
        readMetadata(doc)
        if poppler_document_has_attachments(doc) != 0 {
            problems.append(
                Problem(
                    kind: .attachment, file: file, page: nil,
                    detail: "\(poppler_document_get_n_attachments(doc)) embedded file(s); publish them separately after redaction"))
        }
        if poppler_document_has_javascript(doc) != 0 {
            problems.append(Problem(kind: .javascript, file: file, page: nil, detail: "the document carries JavaScript"))
        }
        if metadata.contains(where: { $0.field == "xmp" }) {
            problems.append(
                Problem(
                    kind: .xmpMetadata, file: file, page: nil,
                    detail: "an XMP metadata stream (may hold edit history); the redacted writer never adds one"))
        }
        let count = Int(poppler_document_get_n_pages(doc))
        for number in 1...max(1, count) where number <= count {
            guard let page = poppler_document_get_page(doc, Int32(number - 1)) else {
                problems.append(
                    Problem(kind: .unreadable, file: file, page: number, detail: "poppler cannot parse the page"))
                continue
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            pages.append(Page(number: number, text: Self.text(page), hasImage: Self.hasImage(page)))
            problems += Self.annotationProblems(page, file: file, number: number)
            if let fields = poppler_page_get_form_field_mapping(page) {
                let n = g_list_length(fields)
                poppler_page_free_form_field_mapping(fields)
                if n > 0 {
                    problems.append(
                        Problem(kind: .formField, file: file, page: number, detail: "\(n) form field(s)"))
                }
            }
        }
    }

    private mutating func readMetadata(_ doc: OpaquePointer) {
        let getters: [(String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("title", poppler_document_get_title), ("author", poppler_document_get_author),
            ("subject", poppler_document_get_subject), ("keywords", poppler_document_get_keywords),
            ("creator", poppler_document_get_creator), ("producer", poppler_document_get_producer),
            ("xmp", poppler_document_get_metadata),
        ]
        for (name, get) in getters {
            guard let c = get(doc) else { continue }
            let value = String(cString: c)
            g_free(c)
            if !value.isEmpty { metadata.append((name, value)) }
        }
    }

    private static func text(_ page: OpaquePointer) -> String {
        guard let c = poppler_page_get_text(page) else { return "" }
        defer { g_free(c) }
        return String(cString: c)
    }

    private static func hasImage(_ page: OpaquePointer) -> Bool {
        guard let list = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(list)
        return true
    }

    private static func annotationProblems(_ page: OpaquePointer, file: String, number: Int) -> [Problem] {
        guard let list = poppler_page_get_annot_mapping(page) else { return [] }
        defer { poppler_page_free_annot_mapping(list) }
        var problems: [Problem] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerAnnotMapping.self).pointee
                let type = mapping.annot.map { poppler_annot_get_annot_type($0) } ?? POPPLER_ANNOT_UNKNOWN
                problems.append(
                    Problem(
                        kind: .annotation, file: file, page: number,
                        detail: "a \(annotationName(type)) annotation; annotations are not checked, remove them"))
            }
            node = n.pointee.next
        }
        return problems
    }

    private static func annotationName(_ type: PopplerAnnotType) -> String {
        switch type {
        case POPPLER_ANNOT_TEXT: "text (comment)"
        case POPPLER_ANNOT_LINK: "link"
        case POPPLER_ANNOT_FREE_TEXT: "free text"
        case POPPLER_ANNOT_HIGHLIGHT: "highlight"
        case POPPLER_ANNOT_STAMP: "stamp"
        case POPPLER_ANNOT_POPUP: "popup"
        case POPPLER_ANNOT_FILE_ATTACHMENT: "file attachment"
        case POPPLER_ANNOT_WIDGET: "form widget"
        case POPPLER_ANNOT_SQUARE: "square"
        case POPPLER_ANNOT_INK: "ink"
        default: "type \(type.rawValue)"
        }
    }
}
