import CPoppler
import FoiaCore
import Poppler

/// An 8-bit grayscale raster of a page, the input tesseract works on.
struct GrayImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]
    var dpi: Int

    /// The image turned clockwise by `degrees` (90, 180 or 270).
    func rotated(clockwise degrees: Int) -> GrayImage {
        switch (degrees % 360 + 360) % 360 {
        case 90, 270:
            var out = [UInt8](repeating: 255, count: pixels.count)
            let cw = degrees % 360 == 90
            pixels.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0..<height {
                        for x in 0..<width {
                            // New image is height×width.
                            let nx = cw ? height - 1 - y : y
                            let ny = cw ? x : width - 1 - x
                            dst[ny * height + nx] = src[y * width + x]
                        }
                    }
                }
            }
            return GrayImage(width: height, height: width, pixels: out, dpi: dpi)
        case 180:
            return GrayImage(width: width, height: height, pixels: pixels.reversed(), dpi: dpi)
        default:
            return self
        }
    }
}

/// Renders pages with poppler through cairo.
enum PageRenderer {
    /// The resolution a page is rendered at: `dpi`, lowered when the page would exceed
    /// `maxPixels`, with the size in pixels; nil for a page without a usable size.
    static func geometry(_ page: PopplerPage, dpi requested: Int, maxPixels: Int)
        -> (dpi: Double, width: Int, height: Int)?
    {
        let (w, h) = page.size
        guard w > 0, h > 0, w.isFinite, h.isFinite else { return nil }
        var dpi = Double(requested)
        let pixelsAtDPI = (w * dpi / 72) * (h * dpi / 72)
        if pixelsAtDPI > Double(maxPixels) {
            dpi *= (Double(maxPixels) / pixelsAtDPI).squareRoot()
        }
        let scale = dpi / 72
        let pw = Int((w * scale).rounded(.up))
        let ph = Int((h * scale).rounded(.up))
        guard pw > 0, ph > 0 else { return nil }
        return (dpi, pw, ph)
    }

    /// Renders a page at `dpi` (lowered when the page would exceed `maxPixels`) to grayscale.
    ///
    /// Returns nil when cairo cannot allocate or draw the surface.
    static func render(_ page: PopplerPage, dpi requested: Int, maxPixels: Int) -> GrayImage? {
        guard let g = geometry(page, dpi: requested, maxPixels: maxPixels),
            let strips = renderRows(page, dpi: g.dpi, width: g.width, rows: [0..<g.height])
        else { return nil }
        return strips[0].image
    }

    /// Renders only the given pixel rows of a page (ranges in ascending order; neighbours may
    /// share a row) at `dpi`, one gray strip per range, with the row it starts at.
    static func renderRows(_ page: PopplerPage, dpi: Double, width pw: Int, rows: [Range<Int>])
        -> [(top: Int, image: GrayImage)]?
    {
        let outDPI = Int(dpi.rounded())
        return withRenderedRows(page, dpi: dpi, width: pw, rows: rows) { r, rowPixels in
            // Straight loops over raw bytes (cairo's RGB24 is B, G, R, unused in memory on
            // little-endian machines, 0x00RRGGBB as a native word), so they vectorise.
            let gray = [UInt8](unsafeUninitializedCapacity: pw * r.count) { out, initialized in
                for y in r {
                    let px = rowPixels(y)
                    let o = out.baseAddress! + (y - r.lowerBound) * pw
                    for x in 0..<pw {
                        let p = px[x]
                        let red = (p >> 16) & 0xFF
                        let green = (p >> 8) & 0xFF
                        let blue = p & 0xFF
                        o[x] = UInt8(truncatingIfNeeded: (red &* 77 &+ green &* 150 &+ blue &* 29) >> 8)
                    }
                }
                initialized = pw * r.count
            }
            return (r.lowerBound, GrayImage(width: pw, height: r.count, pixels: gray, dpi: outDPI))
        }
    }

    /// Renders the given pixel rows like `renderRows`, but hands back for each range only which
    /// pixels are darker than `threshold` in the gray `renderRows` gives (true = dark).
    ///
    /// The redaction box search on text pages needs nothing else, and making the gray strip and
    /// then testing it cost two passes over every pixel of the bands and an array per strip.
    static func darkRows(_ page: PopplerPage, dpi: Double, width pw: Int, rows: [Range<Int>], threshold: UInt8)
        -> [(top: Int, mask: [Bool])]?
    {
        // gray < threshold with gray = weighted sum >> 8 is weighted sum < threshold << 8.
        let limit = UInt16(threshold) << 8
        return withRenderedRows(page, dpi: dpi, width: pw, rows: rows) { r, rowPixels in
            let mask = [Bool](unsafeUninitializedCapacity: pw * r.count) { out, initialized in
                out.withMemoryRebound(to: UInt8.self) { bytes in
                    for y in r {
                        let px = rowPixels(y)
                        let o = bytes.baseAddress! + (y - r.lowerBound) * pw
                        // The weights add up to 256, so the sum fits 16 bits (at most 255 * 256):
                        // 16-bit lanes do twice the pixels per vector instruction of 32-bit ones.
                        for x in 0..<pw {
                            let p = px[x]
                            let red = UInt16(truncatingIfNeeded: p >> 16) & 0xFF
                            let green = UInt16(truncatingIfNeeded: p >> 8) & 0xFF
                            let blue = UInt16(truncatingIfNeeded: p) & 0xFF
                            o[x] = red &* 77 &+ green &* 150 &+ blue &* 29 < limit ? 1 : 0
                        }
                    }
                }
                initialized = pw * r.count
            }
            return (r.lowerBound, mask)
        }
    }

    /// Renders only the given pixel rows of a page and passes each range, with the pixels of a
    /// row (cairo RGB24 words), to `convert`; nil when cairo cannot allocate or draw.
    ///
    /// The search for existing redaction boxes on a text page looks only at bands around the
    /// lines that print an exemption code, usually a small part of the page. One surface spans
    /// the first to the last band, clipped to the bands, so cairo paints and composites only
    /// their pixels and only their rows are converted; poppler still interprets the whole
    /// content stream once. The device transform differs from a full render only by a whole
    /// number of pixel rows, so the bands' pixels are the ones a full render gives.
    private static func withRenderedRows<T>(
        _ page: PopplerPage, dpi: Double, width pw: Int, rows: [Range<Int>],
        _ convert: (Range<Int>, (Int) -> UnsafePointer<UInt32>) -> T
    ) -> [T]? {
        guard let first = rows.first?.lowerBound, pw > 0 else { return [] }
        let last = rows.map(\.upperBound).max() ?? first
        guard last > first else { return [] }
        let sh = last - first
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(sh)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        if rows.count > 1 || first > 0 {
            for r in rows { cairo_rectangle(cr, 0, Double(r.lowerBound - first), Double(pw), Double(r.count)) }
            cairo_clip(cr)
        }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        let scale = dpi / 72
        if first > 0 { cairo_translate(cr, 0, -Double(first)) }
        cairo_scale(cr, scale, scale)
        page.render(on: cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard status == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let base = UnsafeRawPointer(data)
        return rows.map { r in
            convert(r) { y in base.advanced(by: (y - first) * stride).assumingMemoryBound(to: UInt32.self) }
        }
    }
}
