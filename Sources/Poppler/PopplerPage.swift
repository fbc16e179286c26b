import CPoppler
import FoiaCore

/// One page of a `PopplerDocument`; released when the value is dropped.
///
/// Coordinates are points as displayed, origin top-left, y down (poppler applies `/Rotate`).
package final class PopplerPage {
    private let raw: OpaquePointer

    init(_ raw: OpaquePointer) {
        self.raw = raw
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(raw))
    }

    /// Size in points as displayed (poppler swaps width and height for `/Rotate 90` and `270`).
    package var size: (width: Double, height: Double) {
        var w = 0.0
        var h = 0.0
        poppler_page_get_size(raw, &w, &h)
        return (w, h)
    }

    /// Draws the page onto a cairo context whose units are points. `forPrinting` picks
    /// annotations by their Print flag instead of the on-screen set, and draws scanned images
    /// about five times faster (no on-screen prescaling).
    package func render(on cr: OpaquePointer, forPrinting: Bool = false) {
        if forPrinting {
            poppler_page_render_for_printing(raw, cr)
        } else {
            poppler_page_render(raw, cr)
        }
    }

    /// The page's text layer as poppler reads it.
    package var text: String {
        guard let c = poppler_page_get_text(raw) else { return "" }
        defer { g_free(c) }
        return String(cString: c)
    }

    /// The text layer with one rectangle per character of `text` (nil when poppler gives no
    /// layout), in points as displayed.
    package var textWithLayout: (text: String, boxes: [Box]?) {
        guard let c = poppler_page_get_text(raw) else { return ("", nil) }
        defer { g_free(c) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        let hasLayout = poppler_page_get_text_layout(raw, &rects, &count) != 0
        defer { if let rects { g_free(rects) } }
        var boxes: [Box]?
        if hasLayout, let rects {
            boxes = (0..<Int(count)).map { i in
                let r = rects[i]
                return Box(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
            }
        }
        return (String(cString: c), boxes)
    }

    /// One image drawn on the page: where (points as displayed) and its id on the page.
    package struct ImagePlacement: Sendable {
        package var id: Int32
        package var area: Box
    }

    /// The images drawn on the page, in drawing order.
    package var images: [ImagePlacement] {
        guard let list = poppler_page_get_image_mapping(raw) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var out: [ImagePlacement] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let r = mapping.area
                out.append(
                    ImagePlacement(
                        id: mapping.image_id,
                        area: Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))))
            }
            node = n.pointee.next
        }
        return out
    }

    /// Share of the page covered by images, 0–1: the largest one, or all together (overlaps
    /// counted once per image), capped at 1.
    package var imageCoverage: Double {
        let (width, height) = size
        guard width > 0, height > 0 else { return 0 }
        let pageBox = Box(x0: 0, y0: 0, x1: width, y1: height)
        var largest = 0.0
        var total = 0.0
        for image in images {
            let a = image.area.intersection(pageBox)?.area ?? 0
            largest = max(largest, a)
            total += a
        }
        return min(1, max(largest, min(total, pageBox.area)) / pageBox.area)
    }

    /// The scan a page is made of: its largest image, at its own resolution and bit depth.
    package struct Scan: Sendable, Equatable {
        /// Pixels per inch across and down the page as displayed.
        package var dpi: (x: Double, y: Double)
        /// Every pixel is black or white (a 1-bit scan, or one stored as 8-bit but bilevel).
        package var isBilevel: Bool

        package static func == (a: Scan, b: Scan) -> Bool {
            a.dpi.x == b.dpi.x && a.dpi.y == b.dpi.y && a.isBilevel == b.isBilevel
        }
    }

    /// The image covering the largest share of the page, when it covers more than
    /// `minCoverage`: its resolution (its pixels over its placed size) and whether it is
    /// bilevel; nil for a page with no such image, or one poppler cannot decode.
    ///
    /// Decodes that image once (a 300-dpi letter page is about 34 MB as cairo holds it).
    package func scan(minCoverage: Double) -> Scan? {
        let (width, height) = size
        guard width > 0, height > 0 else { return nil }
        let pageBox = Box(x0: 0, y0: 0, x1: width, y1: height)
        let covering = images.map { ($0, $0.area.intersection(pageBox)?.area ?? 0) }
        guard let (image, area) = covering.max(by: { $0.1 < $1.1 }), area / pageBox.area > minCoverage,
            image.area.width > 0, image.area.height > 0,
            let surface = imageSurface(id: image.id)
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        let pw = Int(cairo_image_surface_get_width(surface))
        let ph = Int(cairo_image_surface_get_height(surface))
        guard pw > 0, ph > 0, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        // An image turned by the page's placement has its pixel rows along the page's height.
        let turned = (pw > ph) != (image.area.width > image.area.height)
        let (across, down) = turned ? (ph, pw) : (pw, ph)
        let dpi = (x: Double(across) * 72 / image.area.width, y: Double(down) * 72 / image.area.height)
        var bilevel = true
        let base = UnsafeRawPointer(data)
        rows: for y in 0..<ph {
            let row = base.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            var other: UInt32 = 0
            for x in 0..<pw {
                let rgb = row[x] & 0x00FF_FFFF
                // Zero for 0x000000 and 0xFFFFFF only.
                other |= (rgb &+ 1) & 0x00FF_FFFE
            }
            if other != 0 {
                bilevel = false
                break rows
            }
        }
        return Scan(dpi: dpi, isBilevel: bilevel)
    }

    /// An image's pixels at its own resolution, as poppler decodes them: a cairo image
    /// surface (RGB24 or ARGB32) the caller must destroy; nil when poppler cannot decode it.
    package func imageSurface(id: Int32) -> OpaquePointer? {
        poppler_page_get_image(raw, id)
    }

    /// What the page's annotations are ("link", "text (comment)", "stamp" …), whatever their flags.
    package var annotationKinds: [String] {
        guard let list = poppler_page_get_annot_mapping(raw) else { return [] }
        defer { poppler_page_free_annot_mapping(list) }
        var out: [String] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerAnnotMapping.self).pointee
                let type = mapping.annot.map { poppler_annot_get_annot_type($0) } ?? POPPLER_ANNOT_UNKNOWN
                out.append(Self.annotationName(type))
            }
            node = n.pointee.next
        }
        return out
    }

    /// Whether the page has annotations, whatever their flags.
    package var hasAnnotations: Bool {
        guard let list = poppler_page_get_annot_mapping(raw) else { return false }
        poppler_page_free_annot_mapping(list)
        return true
    }

    /// The number of form fields on the page.
    package var formFieldCount: Int {
        guard let fields = poppler_page_get_form_field_mapping(raw) else { return 0 }
        defer { poppler_page_free_form_field_mapping(fields) }
        return Int(g_list_length(fields))
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
