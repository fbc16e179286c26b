import CPoppler
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes small PDFs with cairo, the way the publication writer does, for the leak checks.
///
/// `cairo-pdf.h` is not in the CPoppler shim, so the PDF-surface functions are looked up in
/// the process (libcairo is linked through poppler).
enum TestPDF {
    enum Content {
        /// Lines drawn as text: they land in the text layer.
        case text([String])
        /// Lines drawn into a bitmap that is painted over the whole page: only OCR sees them.
        case image([String])
        /// A bitmap of the visible lines over a hidden text layer of other lines, as a redacted page.
        case imageOverText(visible: [String], hidden: [String])
        /// Text with a link annotation.
        case link(String, uri: String)
    }

    private typealias Create = @convention(c) (UnsafePointer<CChar>?, Double, Double) -> OpaquePointer?
    private typealias SetMetadata = @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?) -> Void

    private static func symbol<F>(_ name: String, as: F.Type) -> F {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else {
            fatalError("cairo symbol \(name) not loaded")
        }
        return unsafeBitCast(pointer, to: F.self)
    }

    static let width = 612.0
    static let height = 792.0

    /// Writes one page per content; `title` goes into the document's Info dictionary.
    static func write(_ pages: [Content], to path: String, title: String? = nil) {
        let create = symbol("cairo_pdf_surface_create", as: Create.self)
        guard let surface = create(path, width, height), let cr = cairo_create(surface) else {
            fatalError("cannot create a PDF surface at \(path)")
        }
        if let title {
            // CAIRO_PDF_METADATA_TITLE is 0 in cairo 1.16.
            symbol("cairo_pdf_surface_set_metadata", as: SetMetadata.self)(surface, 0, title)
        }
        for page in pages {
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            switch page {
            case .text(let lines):
                drawLines(lines, cr: cr, scale: 1)
            case .image(let lines):
                paintImage(lines, cr: cr)
            case .imageOverText(let visible, let hidden):
                drawLines(hidden, cr: cr, scale: 1)
                paintImage(visible, cr: cr)
            case .link(let text, let uri):
                cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='\(uri)'")
                drawLines([text], cr: cr, scale: 1)
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            }
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }

    private static func drawLines(_ lines: [String], cr: OpaquePointer, scale: Double) {
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 14 * scale)
        for (i, line) in lines.enumerated() {
            cairo_move_to(cr, 72 * scale, (100 + Double(i) * 24) * scale)
            cairo_show_text(cr, line)
        }
    }

    /// Draws the lines into a 200 dpi bitmap of the page and paints it over the whole page.
    private static func paintImage(_ lines: [String], cr: OpaquePointer) {
        let scale = 200.0 / 72
        guard
            let image = cairo_image_surface_create(
                CAIRO_FORMAT_RGB24, Int32(width * scale), Int32(height * scale)),
            let icr = cairo_create(image)
        else { fatalError("cannot create an image surface") }
        cairo_set_source_rgb(icr, 1, 1, 1)
        cairo_paint(icr)
        drawLines(lines, cr: icr, scale: scale)
        cairo_destroy(icr)
        cairo_surface_flush(image)
        cairo_save(cr)
        cairo_scale(cr, 1 / scale, 1 / scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        cairo_surface_destroy(image)
    }
}
