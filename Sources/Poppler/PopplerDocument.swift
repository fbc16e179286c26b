import CPoppler
import FoiaCore
import Foundation

/// An open PDF, owned by one worker: the one place the project opens a document with poppler.
///
/// Extraction reads pages through it, Publication redraws them, Verification inspects what a
/// public copy carries. poppler documents are not safe to share between threads, so each
/// worker opens its own handle; the class is deliberately not `Sendable`.
package final class PopplerDocument {
    package let path: String
    private let handle: OpaquePointer
    /// Runs when the handle is released, around the release (Publication releases a
    /// document's cairo font faces under its font lock).
    private let release: (() -> Void) -> Void

    /// Opens a PDF, mapping poppler's failures to a `DocumentError` of `stage` that says what
    /// to do (see `openError`).
    ///
    /// - Parameter release: wraps the release of the handle; by default it is released directly.
    package init(path: String, stage: StageName = .extract, release: @escaping (() -> Void) -> Void = { $0() })
        throws(DocumentError)
    {
        self.path = path
        self.release = release
        try PopplerDocument.precheck(path: path, stage: stage)
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, nil, &error) else {
            throw PopplerDocument.openError(error, path: path, stage: stage)
        }
        handle = doc
    }

    deinit {
        let h = handle
        release { g_object_unref(UnsafeMutableRawPointer(h)) }
    }

    package var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// A page, 1-based; nil when it is out of range or poppler cannot parse its dictionary.
    package func page(_ number: Int) -> PopplerPage? {
        guard number >= 1, number <= pageCount, let p = poppler_document_get_page(handle, Int32(number - 1)) else {
            return nil
        }
        return PopplerPage(p)
    }

    /// Info-dictionary fields and XMP that are set and not empty, by name (`title`, `author`,
    /// `subject`, `keywords`, `creator`, `producer`, `xmp`), in that order.
    package var metadata: [(field: String, value: String)] {
        let getters: [(String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("title", poppler_document_get_title), ("author", poppler_document_get_author),
            ("subject", poppler_document_get_subject), ("keywords", poppler_document_get_keywords),
            ("creator", poppler_document_get_creator), ("producer", poppler_document_get_producer),
            ("xmp", poppler_document_get_metadata),
        ]
        var out: [(field: String, value: String)] = []
        for (name, get) in getters {
            guard let c = get(handle) else { continue }
            let value = String(cString: c)
            g_free(c)
            if !value.isEmpty { out.append((name, value)) }
        }
        return out
    }

    /// The number of embedded files (0 when there are none).
    package var attachmentCount: Int {
        poppler_document_has_attachments(handle) != 0 ? Int(poppler_document_get_n_attachments(handle)) : 0
    }

    package var hasJavaScript: Bool { poppler_document_has_javascript(handle) != 0 }

    /// Checks what poppler would report vaguely (missing, empty, not a PDF) with a precise message.
    private static func precheck(path: String, stage: StageName) throws(DocumentError) {
        guard let fh = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw DocumentError(.unreadable, stage: stage, "cannot read the file; check its permissions")
            }
            throw DocumentError(.notFound, stage: stage, "file not found")
        }
        defer { try? fh.close() }
        let head = (try? fh.read(upToCount: 1024)) ?? Data()
        if head.isEmpty {
            throw DocumentError(.empty, stage: stage, "file is empty (0 bytes); the release may be incomplete")
        }
        if head.range(of: Data("%PDF-".utf8)) == nil {
            throw DocumentError(
                .notPDF, stage: stage,
                "not a PDF (no %PDF- header in the first 1024 bytes); convert it to PDF or remove it from the input")
        }
    }

    /// Maps poppler's GError to a closed set of codes, in one place.
    static func openError(_ error: UnsafeMutablePointer<GError>?, path: String, stage: StageName) -> DocumentError {
        defer { if let error { g_error_free(error) } }
        let message = error.map { String(cString: $0.pointee.message) } ?? "unknown poppler error"
        let code = error.map { Int($0.pointee.code) } ?? -1
        let isPoppler = error.map { $0.pointee.domain == poppler_error_quark() } ?? false
        if isPoppler && code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return DocumentError(
                .encrypted, stage: stage,
                "PDF is encrypted with a password; decrypt it (qpdf --decrypt --password=... in.pdf out.pdf) and rerun",
                cause: message)
        }
        if PopplerDocument.isTruncated(path: path) {
            return DocumentError(
                .damaged, stage: stage,
                "PDF is truncated (no %%EOF at its end) and cannot be repaired; download or export it again",
                cause: message)
        }
        return DocumentError(
            .damaged, stage: stage,
            "PDF is damaged (broken cross-reference table or catalog) and cannot be repaired; try qpdf or a fresh copy",
            cause: message)
    }

    /// True when the last kilobytes hold no `%%EOF` marker, the usual sign of a cut-off download.
    static func isTruncated(path: String) -> Bool {
        guard let fh = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? fh.close() }
        guard let size = try? fh.seekToEnd() else { return false }
        let tail = min(size, 4096)
        try? fh.seek(toOffset: size - tail)
        let data = (try? fh.readToEnd()) ?? Data()
        return data.range(of: Data("%%EOF".utf8)) == nil
    }
}
