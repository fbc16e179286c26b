import Synchronization

/// The process-wide lock around every use of cairo's fonts by the writer: all work on the
/// output PDF surfaces (text layer, vector pages, page emission, font subsetting, release)
/// and the rendering of a page to pixels (poppler draws the page's text with cairo fonts).
///
/// cairo 1.16 takes its global font mutex and a font's own mutex in opposite orders on
/// different paths, so two threads using fonts at once can deadlock for good (two documents
/// written at once once hung a run for 20 minutes). Seen with gdb
/// under `ConcurrentWritingTests` (4 writers): with no lock, two writers hung within a
/// minute, one in `cairo_show_page` → `cairo_scaled_font_destroy`; with only the PDF
/// surfaces locked, a page being rendered to an image surface (`cairo_scaled_font_create` →
/// `cairo_scaled_font_destroy`) deadlocked with the text layer's `cairo_show_text` on a PDF
/// surface. Work that uses no cairo font, such as encoding the page's JPEG, runs outside it.
enum CairoFonts {
    private static let lock = Mutex(())

    static func serialised<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = lock.withLock { _ in
            do throws(E) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
