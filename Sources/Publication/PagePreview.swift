import CJPEG
import CPoppler
import Foundation
import Poppler

/// A source page as a JPEG for the reviewer's screen (`foiapipe review`), drawn as the
/// publication copy is (`PageRaster`, poppler through cairo) but with nothing burned in.
///
/// It reads the private source PDF, so its bytes must only ever be served to the reviewer.
public enum PagePreview {
    /// The page `number` (1-based) of `source` at `dpi`, upright as displayed.
    public static func jpeg(source: String, page number: Int, dpi: Int) throws(PublicationError) -> Data {
        let pdf = try RedactedPDFWriter.open(source)
        guard let page = pdf.page(number) else {
            throw PublicationError(.cannotRender, "page \(number) of '\(source)' cannot be read")
        }
        let (width, height) = page.size
        let raster = try PageRaster.render(
            page, width: width, height: height, dpi: dpi, boxes: [], padding: 0, atScanResolution: false)
        let surface = raster.surface
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface))
        let h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard w > 0, h > 0, let bytes = cairo_image_surface_get_data(surface) else {
            throw PublicationError(.cannotRender, "page \(number) has no pixels to encode")
        }
        var data: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: 256)
        let encoded = cjpeg_encode_rgb24(
            UnsafePointer(bytes), Int32(w), Int32(h), Int32(stride), 0, PageJPEG.quality, Int32(dpi), &data, &size,
            &message, message.count)
        guard encoded == 1, let data, size > 0 else {
            throw PublicationError(
                .cannotRender, "page \(number) could not be encoded as JPEG",
                cause: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { cjpeg_free(data) }
        return Data(bytes: data, count: Int(size))
    }
}
