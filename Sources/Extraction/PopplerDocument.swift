import CPoppler
import FoiaCore
import Foundation

/// An open PDF, owned by one worker.
///
/// poppler documents are not safe to share between threads, so each worker opens its own
/// handle; the class is deliberately not `Sendable`.
final class PopplerDocument {
    let path: String
    private let handle: OpaquePointer

    /// Opens a PDF, mapping poppler's failures to a `DocumentError` that says what to do.
    init(path: String) throws(DocumentError) {
        self.path = path
        try PopplerDocument.precheck(path: path)
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, nil, &error) else {
            throw PopplerDocument.openError(error, path: path)
        }
        handle = doc
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// A page, 1-based; nil when poppler cannot parse its dictionary.
    func page(_ number: Int) -> PopplerPageHandle? {
        guard let p = poppler_document_get_page(handle, Int32(number - 1)) else { return nil }
        return PopplerPageHandle(p)
    }

    /// Checks what poppler would report vaguely (missing, empty, not a PDF) with a precise message.
    private static func precheck(path: String) throws(DocumentError) {
        guard let fh = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw DocumentError(.unreadable, stage: .extract, "cannot read the file; check its permissions")
            }
            throw DocumentError(.notFound, stage: .extract, "file not found")
        }
        defer { try? fh.close() }
        let head = (try? fh.read(upToCount: 1024)) ?? Data()
        if head.isEmpty {
            throw DocumentError(.empty, stage: .extract, "file is empty (0 bytes); the release may be incomplete")
        }
        if head.range(of: Data("%PDF-".utf8)) == nil {
            throw DocumentError(
                .notPDF, stage: .extract,
                "not a PDF (no %PDF- header in the first 1024 bytes); convert it to PDF or remove it from the input")
        }
    }

    /// Maps poppler's GError to a closed set of codes, in one place.
    static func openError(_ error: UnsafeMutablePointer<GError>?, path: String) -> DocumentError {
        defer { if let error { g_error_free(error) } }
        let message = error.map { String(cString: $0.pointee.message) } ?? "unknown poppler error"
        let code = error.map { Int($0.pointee.code) } ?? -1
        let isPoppler = error.map { $0.pointee.domain == poppler_error_quark() } ?? false
        if isPoppler && code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return DocumentError(
                .encrypted, stage: .extract,
                "PDF is encrypted with a password; decrypt it (qpdf --decrypt --password=... in.pdf out.pdf) and rerun",
                cause: message)
        }
        if PopplerDocument.isTruncated(path: path) {
            return DocumentError(
                .damaged, stage: .extract,
                "PDF is truncated (no %%EOF at its end) and cannot be repaired; download or export it again",
                cause: message)
        }
        return DocumentError(
            .damaged, stage: .extract,
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

/// One poppler page; freed when the value is dropped.
final class PopplerPageHandle {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) {
        self.raw = raw
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(raw))
    }

    /// Size in points as displayed (poppler swaps width and height for `/Rotate 90` and `270`).
    var size: (width: Double, height: Double) {
        var w = 0.0
        var h = 0.0
        poppler_page_get_size(raw, &w, &h)
        return (w, h)
    }
}
