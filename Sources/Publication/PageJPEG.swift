import CJPEG
import CPoppler

/// The JPEG that a rasterised page is embedded as, encoded by libjpeg from the burned-in
/// pixels and handed to cairo as the image's JPEG data, so the PDF surface copies it as a
/// DCTDecode stream instead of deflating the raw pixels.
///
/// Deflating a 150-dpi page image was most of the writer's CPU (zlib was 15% of a whole
/// run) and made scanned pages four times the size of their source JPEGs. The price is on
/// clean text pages, whose JPEG is about twice their deflated size. The JPEG is made
/// only from the surface after the boxes were filled, so it can hold nothing the pixels do
/// not: a box is solid black in it, give or take the codec's ringing at the box's edge.
enum PageJPEG {
    /// 85 keeps 150-dpi text as readable as the lossless image: on a redacted text page,
    /// tesseract's words agreed with its reading of the lossless image 0.95 at 85, 0.95 at 75
    /// and 0.93 at 60, while the JPEG grew 19% from 75 to 85 and 21% more at 92. The extra
    /// margin over 75 is kept for small print and faint scans.
    static let quality: Int32 = 85
    /// A scan is re-encoded on its own pixel grid (rendered at its own resolution), so the
    /// codec's blocks fall where the source's did and 75 loses little more: at 85 the copies
    /// of JPEG scans came out 1.3 to 1.5 times the source's bytes.
    static let scanQuality: Int32 = 75

    /// A channel spread above which a pixel counts as coloured: antialiased black text and
    /// grey scans have none, and a difference this small is not seen as colour.
    static let colourSpread: UInt32 = 24

    /// Whether every pixel of the RGB24 `surface` is black or white: such a page is kept
    /// bilevel and lossless (`PageBilevel`), several times smaller than its JPEG.
    static func isBlackAndWhite(_ surface: OpaquePointer) -> Bool {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let bytes = cairo_image_surface_get_data(surface) else { return false }
        return shade(UnsafeRawPointer(bytes), width: width, height: height, stride: stride) == .blackAndWhite
    }

    /// Makes the RGB24 `surface` exact grey when it has no colour (every channel spread at
    /// most `colourSpread`), each pixel its luminance, as the grey JPEG would have read it;
    /// false, untouched, for a page with colour or of only black and white pixels.
    ///
    /// cairo then embeds the pixels as one deflated grey channel: for a text page drawn with
    /// antialiasing, lossless and about half the size of its grey JPEG at `quality`.
    static func makeGrey(_ surface: OpaquePointer) -> Bool {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let bytes = cairo_image_surface_get_data(surface) else { return false }
        switch shade(UnsafeRawPointer(bytes), width: width, height: height, stride: stride) {
        case .grey: return true
        case .blackAndWhite, .colour: return false
        case .nearlyGrey:
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(bytes).advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let p = row[x]
                    // libjpeg's weights (0.299, 0.587, 0.114) in 16-bit fixed point, rounded.
                    let g = (((p >> 16) & 0xFF) &* 19595 &+ ((p >> 8) & 0xFF) &* 38470 &+ (p & 0xFF) &* 7471 &+ 32768) >> 16
                    row[x] = g << 16 | g << 8 | g
                }
            }
            cairo_surface_mark_dirty(surface)
            return true
        }
    }

    /// The shares of pixels of the RGB24 `surface` that are exactly black or white (`pure`),
    /// nearly so (`near`: grey 1–31 or 224–254) and mid grey (`midtone`: 64–191).
    ///
    /// A clean scan stored losslessly (mostly pure white and black, hardly any near) deflates
    /// to a fraction of its JPEG; a JPEG scan's white paper is pure too but its codec noise is
    /// near white. A bilevel scan resampled to another resolution has few mid greys, while a
    /// grey picture drawn over it has many.
    static func pixelShares(_ surface: OpaquePointer) -> (pure: Double, near: Double, midtone: Double) {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let bytes = cairo_image_surface_get_data(surface) else { return (0, 1, 1) }
        var pure = 0
        var near = 0
        var midtone = 0
        for y in 0..<height {
            let row = UnsafeRawPointer(bytes).advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = row[x] & 0x00FF_FFFF
                if p == 0 || p == 0x00FF_FFFF {
                    pure += 1
                } else {
                    let gray = (((p >> 16) & 0xFF) &* 77 &+ ((p >> 8) & 0xFF) &* 150 &+ (p & 0xFF) &* 29) >> 8
                    if gray >= 64 && gray < 192 {
                        midtone += 1
                    } else if gray < 32 || gray >= 224 {
                        near += 1
                    }
                }
            }
        }
        let n = Double(width * height)
        return (Double(pure) / n, Double(near) / n, Double(midtone) / n)
    }

    /// Encodes the RGB24 `surface` and attaches the JPEG to it as its `image/jpeg` MIME data;
    /// a page with no coloured pixel is encoded as greyscale (a third of the size).
    ///
    /// The surface must not be drawn on afterwards: cairo would then drop the JPEG (it does
    /// so on any change), and embed the pixels losslessly again.
    static func attach(to surface: OpaquePointer, dpi: Int, quality: Int32 = quality) throws(PublicationError) {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let bytes = cairo_image_surface_get_data(surface) else {
            throw PublicationError(.cannotRender, "a page image has no pixels to encode")
        }
        let source = UnsafeRawPointer(bytes)
        let shade = shade(source, width: width, height: height, stride: stride)
        var data: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: 256)
        // libjpeg reads the surface's rows directly, a row converted at a time, instead of a
        // copy of the page repacked for leptonica and unpacked again by it (6% of a
        // text-layer run); the settings are those leptonica used.
        let encoded = cjpeg_encode_rgb24(
            source.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height), Int32(stride),
            shade == .colour ? 0 : 1, quality, Int32(dpi), &data, &size, &message, message.count)
        guard encoded == 1, let data, size > 0 else {
            throw PublicationError(
                .cannotRender, "a page image could not be encoded as JPEG",
                cause: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let status = cairo_surface_set_mime_data(
            surface, CAIRO_MIME_TYPE_JPEG, data, UInt(size), { cjpeg_free($0) }, data)
        guard status == CAIRO_STATUS_SUCCESS else {
            cjpeg_free(data)
            throw PublicationError(
                .cannotRender, "a page image could not be attached as JPEG",
                cause: String(cString: cairo_status_to_string(status)))
        }
    }

    private enum Shade {
        /// Every pixel is black or white (a 1-bit scan, drawn without smoothing).
        case blackAndWhite
        /// Every pixel has equal channels (black text on white, a grey scan).
        case grey
        /// No channel spread above `colourSpread`: encoded as its luminance.
        case nearlyGrey
        case colour
    }

    /// Exact grey is checked a row at a time without branches, which the compiler vectorises;
    /// only a row that fails it is looked at pixel by pixel.
    private static func shade(_ source: UnsafeRawPointer, width: Int, height: Int, stride: Int) -> Shade {
        var shade = Shade.blackAndWhite
        for y in 0..<height {
            let row = source.advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            var differences: UInt32 = 0
            // Zero for a blue channel of 0 or 255 only.
            var midtones: UInt32 = 0
            for x in 0..<width {
                differences |= (row[x] ^ (row[x] >> 8)) & 0xffff
                midtones |= ((row[x] & 0xff) + 1) & 0xfe
            }
            if differences == 0 {
                if midtones != 0, shade == .blackAndWhite { shade = .grey }
                continue
            }
            for x in 0..<width {
                let p = row[x]
                let r = (p >> 16) & 0xff
                let g = (p >> 8) & 0xff
                let b = p & 0xff
                if max(r, g, b) - min(r, g, b) > colourSpread { return .colour }
            }
            shade = .nearlyGrey
        }
        return shade
    }
}
