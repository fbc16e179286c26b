import CPoppler
import FoiaCore

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
    /// Renders a page at `dpi` (lowered when the page would exceed `maxPixels`) to grayscale.
    ///
    /// Returns nil when cairo cannot allocate or draw the surface.
    static func render(_ page: PopplerPageHandle, dpi requested: Int, maxPixels: Int) -> GrayImage? {
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
        guard pw > 0, ph > 0, let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph))
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page.raw, cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard status == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var gray = [UInt8](repeating: 255, count: pw * ph)
        gray.withUnsafeMutableBufferPointer { out in
            for y in 0..<ph {
                let row = data.advanced(by: y * stride)
                row.withMemoryRebound(to: UInt32.self, capacity: pw) { px in
                    for x in 0..<pw {
                        let p = px[x]
                        let r = (p >> 16) & 0xFF
                        let g = (p >> 8) & 0xFF
                        let b = p & 0xFF
                        out[y * pw + x] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
                    }
                }
            }
        }
        return GrayImage(width: pw, height: ph, pixels: gray, dpi: Int(dpi.rounded()))
    }
}
