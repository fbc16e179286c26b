import CPoppler
import FoiaCore

/// The notice printed on a page that is published blank because it could not be read.
///
/// An unread page was never searched for personal data, so none of it may be published;
/// a notice rather than a missing page keeps the page numbers of the copy equal to those
/// of the source.
enum WithheldPage {
    static func draw(number: Int, on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 12)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_move_to(cr, 72, 72)
        cairo_show_text(cr, "Page \(number) withheld: it could not be read, so it could not be redacted.")
        cairo_restore(cr)
    }

    /// A page the reviewer withheld whole: the page covered in black, with the notice in
    /// white in its upper third. Vectors only, so the copy holds no image of the page and
    /// its only text is the notice (what `verify` requires of it).
    static func drawReviewed(width: Double, height: Double, on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_rectangle(cr, 0, 0, width, height)
        cairo_fill(cr)
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_set_font_size(cr, 14)
        cairo_set_source_rgb(cr, 1, 1, 1)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, WithheldNotice.reviewLabel, &extents)
        cairo_move_to(cr, max(18, (width - extents.width) / 2), height / 3)
        cairo_show_text(cr, WithheldNotice.reviewLabel)
        cairo_restore(cr)
    }
}
