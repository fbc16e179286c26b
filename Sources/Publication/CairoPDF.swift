import CPoppler

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// cairo's PDF-surface functions, looked up in the running process.
///
/// `Sources/CPoppler/shim.h` includes `cairo.h` but not `cairo-pdf.h`, so Swift cannot see
/// these functions, although libcairo is linked (poppler renders through it) and the symbols
/// are loaded. Looking them up with `dlsym` keeps the C calling convention exact. Adding
/// `#include <cairo-pdf.h>` to the shim would turn this file into plain calls.
enum CairoPDF {
    typealias CreateForStream = @convention(c) (cairo_write_func_t?, UnsafeMutableRawPointer?, Double, Double) ->
        OpaquePointer?
    typealias SetSize = @convention(c) (OpaquePointer?, Double, Double) -> Void
    typealias SetMetadata = @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?) -> Void

    /// `CAIRO_PDF_METADATA_CREATE_DATE` in cairo 1.16's `cairo_pdf_metadata_t`.
    static let metadataCreateDate: Int32 = 5

    static let createForStream: CreateForStream? = symbol("cairo_pdf_surface_create_for_stream")
    static let setSize: SetSize? = symbol("cairo_pdf_surface_set_size")
    static let setMetadata: SetMetadata? = symbol("cairo_pdf_surface_set_metadata")

    private static func symbol<F>(_ name: String) -> F? {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: F.self)
    }
}
