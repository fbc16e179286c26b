import CPoppler
import FoiaCore
import Foundation
import Poppler

/// A page rendered to pixels with its redactions burned in; the only copy of the page's
/// appearance that reaches a rasterised output page, embedded as the CCITT G4 (bilevel) or
/// JPEG image of those pixels (`PageBilevel`, `PageJPEG`).
///
/// A scanned page is rendered at its scan's own resolution, across and down, so each pixel
/// of the scan is one pixel of the copy; a bilevel scan stays bilevel. Other pages are
/// rendered at the writer's resolution.
///
/// Owns one cairo image surface (about 8 MB for a letter page at 150 dpi, 34 MB at 300) and
/// frees it when dropped, so the writer holds one page image at a time.
final class PageRaster {
    let surface: OpaquePointer
    /// Pixels per point, across and down.
    let scale: (x: Double, y: Double)

    private init(surface: OpaquePointer, scale: (x: Double, y: Double)) {
        self.surface = surface
        self.scale = scale
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    /// The highest resolution a scan is kept at; a finer one is rendered at this.
    static let maxScanDPI = 600.0
    /// The lowest: a coarser scan (a thumbnail stretched over the page) is rendered at this.
    static let minScanDPI = 72.0

    /// The resolution `page` is rendered at, in dots per inch across and down, and whether
    /// its pixels are to be kept bilevel: its scan's own when it is a scan, else `dpi`.
    static func resolution(of page: PopplerPage, dpi: Int) -> (x: Double, y: Double, bilevel: Bool, scan: Bool) {
        guard let scan = page.scan(minCoverage: PageTreatment.scanCoverage) else {
            return (Double(dpi), Double(dpi), false, false)
        }
        func clamped(_ d: Double) -> Double { min(maxScanDPI, max(minScanDPI, d)) }
        return (clamped(scan.dpi.x), clamped(scan.dpi.y), scan.isBilevel, true)
    }

    /// Renders `page` upright as displayed (poppler applies `/Rotate`) on white, at its
    /// `resolution(of:dpi:)`, and fills every box, padded by `padding` points, solid black.
    ///
    /// Boxes are filled as whole pixels (rounded outwards) with antialiasing off, so no pixel
    /// under a box keeps a trace of the glyph that was there.
    /// With `atScanResolution` false the page is drawn at `dpi` whatever it holds, as a
    /// reviewer's preview is (`PagePreview`), whose boxes are placed at that scale.
    static func render(
        _ page: PopplerPage, width: Double, height: Double, dpi: Int, boxes: [Box], padding: Double,
        atScanResolution: Bool = true
    ) throws(PublicationError) -> PageRaster {
        let resolution =
            atScanResolution ? resolution(of: page, dpi: dpi) : (x: Double(dpi), y: Double(dpi), bilevel: false, scan: false)
        let scale = (x: resolution.x / 72, y: resolution.y / 72)
        // A scan's own size comes back as 3300.0000000001 pixels: that is 3300, not 3301.
        let pw = Int((width * scale.x - 1e-6).rounded(.up))
        let ph = Int((height * scale.y - 1e-6).rounded(.up))
        guard pw > 0, ph > 0, pw < 32768, ph < 32768 else {
            throw PublicationError(
                .cannotRender,
                "page of \(Int(width))×\(Int(height)) pt cannot be rendered at \(Int(resolution.x)) dpi; lower the dpi")
        }
        let surface = try blankSurface(width: pw, height: ph)
        let raster = PageRaster(surface: surface, scale: scale)
        let annotated = page.hasAnnotations
        // poppler draws the page's text with cairo fonts, so the drawing (and the release of
        // the context, which holds a font) is serialised; the image is encoded outside.
        try CairoFonts.serialised { () throws(PublicationError) in
            try draw(page, annotated: annotated, on: surface, scale: scale, boxes: boxes, padding: padding)
        }
        try encode(surface, resolution: resolution)
        return raster
    }

    /// How the page's pixels are embedded: a bilevel scan (and any page of only black and
    /// white pixels) as CCITT G4; a clean scan, mostly pure black and white with hardly any
    /// codec noise, and a text page without colour (made exact grey), left to cairo's lossless deflate;
    /// other scans as JPEG at `PageJPEG.scanQuality`, other pages (colour) at `PageJPEG.quality`.
    ///
    /// A bilevel scan is thresholded only while the rendered page has almost no mid greys
    /// (under 1%): a grey picture drawn over it (a logo, a photo, a form's shading) keeps
    /// its greys.
    private static func encode(_ surface: OpaquePointer, resolution: (x: Double, y: Double, bilevel: Bool, scan: Bool))
        throws(PublicationError)
    {
        if PageJPEG.isBlackAndWhite(surface) { return try PageBilevel.attach(to: surface) }
        let dpi = Int(resolution.x.rounded())
        guard resolution.scan else {
            // A text page without colour (black text, antialiased, on white) is left to
            // cairo's lossless deflate of one grey channel: half the size of its grey JPEG at
            // 85 (ICFO-18233's redacted text pages: 102 KB against 235), and exact.
            if PageJPEG.makeGrey(surface) { return }
            return try PageJPEG.attach(to: surface, dpi: dpi)
        }
        let shares = PageJPEG.pixelShares(surface)
        if resolution.bilevel && shares.midtone < 0.01 { return try PageBilevel.attach(to: surface) }
        if shares.pure >= 0.9 && shares.near < 0.01 { return }
        try PageJPEG.attach(to: surface, dpi: dpi, quality: PageJPEG.scanQuality)
    }

    /// The key under which a surface holds its pixel buffer, freed with the surface. cairo
    /// uses only its address; nothing reads or writes it, hence `nonisolated(unsafe)`.
    nonisolated(unsafe) private static let pixelsKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

    /// An RGB24 surface over an uninitialised buffer: `draw` paints it white first, so
    /// cairo's zero-filling of every new 8 MB page (a memset per page) is skipped. The buffer
    /// is freed when cairo releases the surface, which the PDF surface may do after us.
    private static func blankSurface(width pw: Int, height ph: Int) throws(PublicationError) -> OpaquePointer {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(pw)))
        guard stride > 0, let pixels = malloc(stride * ph) else {
            throw PublicationError(.cannotRender, "out of memory rendering a page; lower the dpi")
        }
        guard
            let surface = cairo_image_surface_create_for_data(
                pixels.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph), Int32(stride))
        else {
            free(pixels)
            throw PublicationError(.cannotRender, "out of memory rendering a page; lower the dpi")
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
            cairo_surface_set_user_data(surface, pixelsKey, pixels, { free($0) }) == CAIRO_STATUS_SUCCESS
        else {
            // The buffer is not the surface's yet: release both here.
            cairo_surface_destroy(surface)
            free(pixels)
            throw PublicationError(.cannotRender, "out of memory rendering a page; lower the dpi")
        }
        return surface
    }

    private static func draw(
        _ page: PopplerPage, annotated: Bool, on surface: OpaquePointer, scale: (x: Double, y: Double), boxes: [Box],
        padding: Double
    ) throws(PublicationError) {
        guard let cr = cairo_create(surface) else {
            throw PublicationError(.cannotRender, "out of memory rendering a page; lower the dpi")
        }
        defer { cairo_destroy(cr) }
        let pw = Double(cairo_image_surface_get_width(surface))
        let ph = Double(cairo_image_surface_get_height(surface))
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_save(cr)
        cairo_scale(cr, scale.x, scale.y)
        // Print mode draws scanned images about five times faster (no on-screen prescaling),
        // with the same pixels, but it picks annotations by their Print flag, while the text
        // layer and OCR the redactor read used the on-screen set; pages with annotations are
        // therefore drawn on-screen so the image shows exactly what was checked.
        page.render(on: cr, forPrinting: !annotated)
        cairo_restore(cr)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        cairo_set_source_rgb(cr, 0, 0, 0)
        for b in boxes {
            let x0 = max(0, ((b.x0 - padding) * scale.x).rounded(.down))
            let y0 = max(0, ((b.y0 - padding) * scale.y).rounded(.down))
            let x1 = min(pw, ((b.x1 + padding) * scale.x).rounded(.up))
            let y1 = min(ph, ((b.y1 + padding) * scale.y).rounded(.up))
            guard x1 > x0, y1 > y0 else { continue }
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0)
        }
        cairo_fill(cr)
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PublicationError(
                .cannotRender, "page could not be rendered", cause: String(cString: cairo_status_to_string(status)))
        }
    }

    /// Paints the image over the whole page of `cr` (whose units are points), opaque, so
    /// everything drawn before it on that page is hidden.
    func paint(on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_scale(cr, 1 / scale.x, 1 / scale.y)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}
