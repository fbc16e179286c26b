import CPoppler
import Foundation

/// The input PDF, opened read-only with poppler, owned by the one writer call that opened it.
///
/// Not `Sendable`: poppler documents must not be shared between threads.
final class SourcePDF {
    private let handle: OpaquePointer

    init(path: String) throws(PublicationError) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PublicationError(
                .cannotOpenSource, "source PDF '\(path)' is missing or unreadable; check the input path and permissions")
        }
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, nil, &error) else {
            let cause = error.map { String(cString: $0.pointee.message) }
            if let error { g_error_free(error) }
            throw PublicationError(
                .cannotOpenSource,
                "source PDF '\(path)' cannot be opened (damaged or encrypted); repair or decrypt it (qpdf) and rerun",
                cause: cause)
        }
        handle = doc
    }

    deinit {
        // The document's cairo font faces go with it.
        let h = handle
        CairoFonts.serialised { g_object_unref(UnsafeMutableRawPointer(h)) }
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// A page, 1-based; nil when poppler cannot parse it.
    func page(_ number: Int) -> SourcePage? {
        guard number >= 1, number <= pageCount, let p = poppler_document_get_page(handle, Int32(number - 1)) else {
            return nil
        }
        return SourcePage(p)
    }
}

/// One source page; released when dropped.
final class SourcePage {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) {
        self.raw = raw
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(raw))
    }

    /// Size in points as displayed: poppler swaps width and height for `/Rotate 90` and `270`.
    var size: (width: Double, height: Double) {
        var w = 0.0
        var h = 0.0
        poppler_page_get_size(raw, &w, &h)
        return (w, h)
    }

    /// Whether the page has annotations (links, notes, form fields, stamps), whatever their flags.
    var hasAnnotations: Bool {
        guard let list = poppler_page_get_annot_mapping(raw) else { return false }
        poppler_page_free_annot_mapping(list)
        return true
    }

    /// The share of the page covered by images (the largest one, or all together).
    ///
    /// A text page over a scan (an earlier OCR layer) keeps its text only as invisible text,
    /// which a vector copy through cairo drops; such pages are rasterised instead.
    var imageCoverage: Double {
        let (width, height) = size
        guard width > 0, height > 0, let list = poppler_page_get_image_mapping(raw) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        var largest = 0.0
        var total = 0.0
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let r = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                let w = max(0, min(max(r.x1, r.x2), width) - max(min(r.x1, r.x2), 0))
                let h = max(0, min(max(r.y1, r.y2), height) - max(min(r.y1, r.y2), 0))
                largest = max(largest, w * h)
                total += w * h
            }
            node = n.pointee.next
        }
        return min(1, max(largest, total) / (width * height))
    }
}
