import CPoppler
import Foundation

/// What poppler sees in a PDF: the view a reader, a search engine or a scraper would get.
final class PopplerFile {
    private let handle: OpaquePointer

    init?(path: String) {
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(URL(fileURLWithPath: path).absoluteString, nil, &error) else {
            if let error { g_error_free(error) }
            return nil
        }
        handle = doc
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }
    var hasAttachments: Bool { poppler_document_has_attachments(handle) != 0 }

    /// Title, author, subject, keywords, creator, producer and XMP, as poppler reports them.
    var metadata: [String: String] {
        func take(_ p: UnsafeMutablePointer<gchar>?) -> String? {
            guard let p else { return nil }
            defer { g_free(p) }
            return String(cString: p)
        }
        var out: [String: String] = [:]
        out["title"] = take(poppler_document_get_title(handle))
        out["author"] = take(poppler_document_get_author(handle))
        out["subject"] = take(poppler_document_get_subject(handle))
        out["keywords"] = take(poppler_document_get_keywords(handle))
        out["creator"] = take(poppler_document_get_creator(handle))
        out["producer"] = take(poppler_document_get_producer(handle))
        out["xmp"] = take(poppler_document_get_metadata(handle))
        return out
    }

    private func withPage<T>(_ number: Int, _ body: (OpaquePointer) -> T) -> T? {
        guard let p = poppler_document_get_page(handle, Int32(number - 1)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(p)) }
        return body(p)
    }

    func size(page: Int) -> (width: Double, height: Double) {
        withPage(page) { p in
            var w = 0.0
            var h = 0.0
            poppler_page_get_size(p, &w, &h)
            return (w, h)
        } ?? (0, 0)
    }

    func text(page: Int) -> String {
        withPage(page) { p in
            guard let t = poppler_page_get_text(p) else { return "" }
            defer { g_free(t) }
            return String(cString: t)
        } ?? ""
    }

    func annotationCount(page: Int) -> Int {
        withPage(page) { p in
            guard let list = poppler_page_get_annot_mapping(p) else { return 0 }
            defer { poppler_page_free_annot_mapping(list) }
            return Int(g_list_length(list))
        } ?? 0
    }

    func imageCount(page: Int) -> Int {
        withPage(page) { p in
            guard let list = poppler_page_get_image_mapping(p) else { return 0 }
            defer { poppler_page_free_image_mapping(list) }
            return Int(g_list_length(list))
        } ?? 0
    }

    func linkCount(page: Int) -> Int {
        withPage(page) { p in
            guard let list = poppler_page_get_link_mapping(p) else { return 0 }
            defer { poppler_page_free_link_mapping(list) }
            return Int(g_list_length(list))
        } ?? 0
    }

    /// The page rendered on white at `dpi`, as 8-bit gray, row by row.
    func renderGray(page: Int, dpi: Double) -> (width: Int, height: Int, pixels: [UInt8])? {
        withPage(page) { p -> (Int, Int, [UInt8])? in
            var w = 0.0
            var h = 0.0
            poppler_page_get_size(p, &w, &h)
            let scale = dpi / 72
            let pw = Int((w * scale).rounded(.up))
            let ph = Int((h * scale).rounded(.up))
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)) else { return nil }
            defer { cairo_surface_destroy(surface) }
            guard let cr = cairo_create(surface) else { return nil }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            poppler_page_render(p, cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            guard let data = cairo_image_surface_get_data(surface) else { return nil }
            let stride = Int(cairo_image_surface_get_stride(surface))
            var gray = [UInt8](repeating: 255, count: pw * ph)
            for y in 0..<ph {
                data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: pw) { px in
                    for x in 0..<pw {
                        let v = px[x]
                        gray[y * pw + x] = UInt8(max((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF))
                    }
                }
            }
            return (pw, ph, gray)
        } ?? nil
    }
}
