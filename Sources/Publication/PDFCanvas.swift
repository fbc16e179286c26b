import CPoppler

/// The output PDF: a fresh cairo PDF surface, one page at a time.
///
/// Writing through cairo rather than editing the source is what makes the copy clean: no
/// object of the source (metadata, annotations, form fields, attachments, JavaScript,
/// earlier incremental revisions) is carried over, only what is drawn here. cairo itself
/// writes `Producer` and a creation date; the creation date is removed so that nothing
/// about the run is in the file either.
///
/// Every call into the surface, including its release, holds `CairoFonts`' lock.
final class PDFCanvas {
    private let surface: OpaquePointer

    init(path: String) throws(PublicationError) {
        guard let create = CairoPDF.create, CairoPDF.setSize != nil else {
            throw PublicationError(
                .cannotWrite, "this cairo has no PDF surface; install libcairo2 with PDF support (scripts/setup)")
        }
        guard let s = CairoFonts.serialised({ create(path, 612, 792) }) else {
            throw PublicationError(.cannotWrite, "cannot create '\(path)'")
        }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            CairoFonts.serialised { cairo_surface_destroy(s) }
            throw PublicationError(
                .cannotWrite, "cannot create '\(path)'; check that the folder is writable",
                cause: String(cString: cairo_status_to_string(status)))
        }
        surface = s
        CairoFonts.serialised { CairoPDF.setMetadata?(s, CairoPDF.metadataCreateDate, nil) }
    }

    deinit {
        // Destroying an unfinished surface finishes it: fonts are subset then.
        let s = surface
        CairoFonts.serialised { cairo_surface_destroy(s) }
    }

    /// Draws one page of `width` × `height` points; `draw` gets a context with the origin at
    /// the top-left corner and y down, the coordinates of `RedactedPage`.
    func page(width: Double, height: Double, draw: (OpaquePointer) throws(PublicationError) -> Void)
        throws(PublicationError)
    {
        try CairoFonts.serialised { () throws(PublicationError) in
            try drawPage(width: width, height: height, draw: draw)
        }
    }

    private func drawPage(width: Double, height: Double, draw: (OpaquePointer) throws(PublicationError) -> Void)
        throws(PublicationError)
    {
        CairoPDF.setSize?(surface, width, height)
        guard let cr = cairo_create(surface) else {
            throw PublicationError(.cannotWrite, "cairo cannot draw a page")
        }
        defer { cairo_destroy(cr) }
        try draw(cr)
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PublicationError(
                .cannotRender, "a page could not be drawn", cause: String(cString: cairo_status_to_string(status)))
        }
        cairo_show_page(cr)
    }

    /// Writes the rest of the file and closes it; errors of the disk show up here.
    func finish() throws(PublicationError) {
        let s = surface
        CairoFonts.serialised { cairo_surface_finish(s) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PublicationError(
                .cannotWrite, "the redacted PDF could not be written; check free disk space and permissions",
                cause: String(cString: cairo_status_to_string(status)))
        }
    }
}
