import CPoppler

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    private let file: CanvasFile
    /// The destination the user knows (the canvas writes to its temporary name), for messages.
    private let destination: String

    init(path: String, destination: String) throws(PublicationError) {
        self.destination = destination
        guard let create = CairoPDF.createForStream, CairoPDF.setSize != nil else {
            throw PublicationError(
                .cannotWrite, "this cairo has no PDF surface; install libcairo2 with PDF support (scripts/setup)")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw PublicationError.writing(destination, errno: errno, "cannot create the redacted PDF")
        }
        let file = CanvasFile(fd)
        self.file = file
        let closure = Unmanaged.passUnretained(file).toOpaque()
        guard let s = CairoFonts.serialised({ create(canvasWrite, closure, 612, 792) }) else {
            throw PublicationError(.cannotWrite, "cairo cannot make a PDF surface for '\(destination)'")
        }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            CairoFonts.serialised { cairo_surface_destroy(s) }
            throw PublicationError(
                .cannotWrite, "cairo cannot make a PDF surface for '\(destination)'",
                cause: String(cString: cairo_status_to_string(status)))
        }
        surface = s
        CairoFonts.serialised { CairoPDF.setMetadata?(s, CairoPDF.metadataCreateDate, nil) }
    }

    deinit {
        // Destroying an unfinished surface finishes it (fonts are subset then), writing to the file.
        let s = surface
        CairoFonts.serialised { cairo_surface_destroy(s) }
        file.release()
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
            if file.failure != 0 {
                throw PublicationError.writing(destination, errno: file.failure, "cannot write the redacted PDF")
            }
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
        if status == CAIRO_STATUS_SUCCESS, file.failure == 0 { file.sync() }
        guard status == CAIRO_STATUS_SUCCESS, file.failure == 0 else {
            if file.failure != 0 {
                throw PublicationError.writing(destination, errno: file.failure, "cannot write the redacted PDF")
            }
            throw PublicationError(
                .cannotWrite, "cairo could not finish the redacted PDF '\(destination)'",
                cause: String(cString: cairo_status_to_string(status)))
        }
    }
}

/// The file a canvas writes, keeping the `errno` of the first failed write: cairo reports
/// only `CAIRO_STATUS_WRITE_ERROR`, which cannot tell a full disk from a read-only one.
private final class CanvasFile {
    let fd: Int32
    /// The first failure's `errno`, or 0.
    var failure: Int32 = 0
    private var isOpen = true

    init(_ fd: Int32) {
        self.fd = fd
    }

    func append(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard failure == 0 else { return false }
        var done = 0
        while done < count {
            let n = write(fd, bytes + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return false
            }
            done += n
        }
        return true
    }

    /// Flushes to disk; a network volume may report a full disk only here.
    func sync() {
        if fsync(fd) != 0, errno != EINVAL, failure == 0 { failure = errno }
    }

    func release() {
        guard isOpen else { return }
        isOpen = false
        _ = close(fd)
    }
}

/// cairo's write callback: `closure` is the canvas's `CanvasFile`.
private let canvasWrite: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let file = Unmanaged<CanvasFile>.fromOpaque(closure).takeUnretainedValue()
    return file.append(data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
}
