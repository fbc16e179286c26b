import CPoppler
import CTesseract

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CCITT G4 image a bilevel page is embedded as: lossless at one bit a pixel, the
/// encoding of most black-and-white scans in public releases.
///
/// The surface's pixels are first made exactly black or white (gray below half is black), so
/// the G4 data, which leptonica encodes, and the pixels cairo holds are the same image: a box
/// is black in both. cairo copies the data as a `CCITTFaxDecode` stream. Without it cairo
/// would deflate the 1-bit pixels itself, two to three times the size of G4 on a scan.
enum PageBilevel {
    /// Thresholds the RGB24 `surface` to black and white and attaches its G4 encoding as the
    /// surface's `image/g3fax` MIME data.
    ///
    /// The surface must not be drawn on afterwards: cairo drops MIME data on any change.
    static func attach(to surface: OpaquePointer) throws(PublicationError) {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let bytes = cairo_image_surface_get_data(surface),
            var pix = pixCreate(Int32(width), Int32(height), 1)
        else {
            throw PublicationError(.cannotRender, "a page image could not be made bilevel (out of memory)")
        }
        defer {
            var p: UnsafeMutablePointer<PIX>? = pix
            pixDestroy(&p)
        }
        let words = Int(pixGetWpl(pix))
        guard let bits = pixGetData(pix) else {
            throw PublicationError(.cannotRender, "a page image could not be made bilevel (out of memory)")
        }
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(bytes).advanced(by: y * stride).assumingMemoryBound(to: UInt32.self)
            let out = bits + y * words
            for x in 0..<width {
                let p = row[x]
                let gray = ((p >> 16) & 0xFF) &* 77 &+ ((p >> 8) & 0xFF) &* 150 &+ (p & 0xFF) &* 29
                // leptonica's 1 bpp: 1 is black, the leftmost pixel in a word's top bit.
                if gray < 128 << 8 {
                    row[x] = 0
                    out[x >> 5] |= 0x8000_0000 >> UInt32(x & 31)
                } else {
                    row[x] = 0x00FF_FFFF
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        pixSetResolution(pix, 0, 0)
        var cid: UnsafeMutablePointer<L_COMP_DATA>?
        defer { if cid != nil { l_CIDataDestroy(&cid) } }
        guard pixGenerateCIData(pix, Int32(L_G4_ENCODE), 0, 0, &cid) == 0, let encoded = cid?.pointee,
            let data = encoded.datacomp, encoded.nbytescomp > 0
        else {
            throw PublicationError(.cannotRender, "a page image could not be encoded as CCITT G4")
        }
        // cairo keeps the data until the surface goes: hand it a copy it frees with free().
        let size = encoded.nbytescomp
        guard let copy = malloc(size) else {
            throw PublicationError(.cannotRender, "a page image could not be encoded as CCITT G4 (out of memory)")
        }
        copy.copyMemory(from: data, byteCount: size)
        let params = "Columns=\(width) Rows=\(height) K=-1"
        var status = cairo_surface_set_mime_data(
            surface, CAIRO_MIME_TYPE_CCITT_FAX, copy.assumingMemoryBound(to: UInt8.self), UInt(size), { free($0) }, copy)
        guard status == CAIRO_STATUS_SUCCESS else {
            free(copy)
            throw PublicationError(
                .cannotRender, "a page image could not be attached as CCITT G4",
                cause: String(cString: cairo_status_to_string(status)))
        }
        guard let paramsCopy = strdup(params) else {
            throw PublicationError(.cannotRender, "a page image could not be attached as CCITT G4 (out of memory)")
        }
        status = cairo_surface_set_mime_data(
            surface, CAIRO_MIME_TYPE_CCITT_FAX_PARAMS, UnsafeMutableRawPointer(paramsCopy).assumingMemoryBound(to: UInt8.self),
            UInt(strlen(paramsCopy)), { free($0) }, paramsCopy)
        guard status == CAIRO_STATUS_SUCCESS else {
            free(paramsCopy)
            throw PublicationError(
                .cannotRender, "a page image could not be attached as CCITT G4",
                cause: String(cString: cairo_status_to_string(status)))
        }
    }
}
