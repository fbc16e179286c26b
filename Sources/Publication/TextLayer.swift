import CPoppler
import FoiaCore
import Foundation

/// Draws the redacted words as real text, each fitted to its box, to be covered by the page
/// image.
///
/// cairo cannot write invisible text (render mode 3), and it drops text drawn with zero
/// alpha, so the words are drawn normally and the opaque page image is painted over them:
/// a viewer shows the image, while `pdftotext` and search find the words. Only the words
/// of `RedactedPage.words` are drawn, so the text layer holds placeholders, never originals.
enum TextLayer {
    /// Share of a line's height taken by a glyph's ascent, to put the baseline in the box.
    static let baseline = 0.78

    /// `scanRotation` is the clockwise turn that made a scan upright: its text runs turned
    /// the other way on the displayed page, and is drawn that way so a selection follows it.
    static func draw(_ words: [Word], scanRotation: Int, on cr: OpaquePointer) {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_source_rgb(cr, 0, 0, 0)
        let direction = ((360 - scanRotation) % 360 + 360) % 360
        for w in words {
            let text = w.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, w.box.width > 0, w.box.height > 0 else { continue }
            let b = w.box
            // The word's own frame: x along the text, y down across it, origin at its top-left.
            let (ox, oy, angle, length, thickness): (Double, Double, Double, Double, Double) =
                switch direction {
                case 90: (b.x1, b.y0, Double.pi / 2, b.height, b.width)
                case 180: (b.x1, b.y1, Double.pi, b.width, b.height)
                case 270: (b.x0, b.y1, 3 * Double.pi / 2, b.height, b.width)
                default: (b.x0, b.y0, 0, b.width, b.height)
                }
            cairo_save(cr)
            cairo_translate(cr, ox, oy)
            if angle != 0 { cairo_rotate(cr, angle) }
            cairo_set_font_size(cr, thickness)
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, text, &extents)
            if extents.x_advance > 0 {
                var matrix = cairo_matrix_t()
                cairo_matrix_init_scale(&matrix, thickness * length / extents.x_advance, thickness)
                cairo_set_font_matrix(cr, &matrix)
            }
            cairo_move_to(cr, 0, thickness * baseline)
            cairo_show_text(cr, text)
            cairo_restore(cr)
        }
    }
}
