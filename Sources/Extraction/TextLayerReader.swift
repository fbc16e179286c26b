import FoiaCore
import Poppler

/// Reads the words of a page's text layer with their boxes, in poppler's reading order.
enum TextLayerReader {
    /// Words with boxes in points (top-left origin, as displayed).
    ///
    /// poppler gives one rectangle per character of the page text, so words are cut
    /// at whitespace and their boxes are the union of their characters' rectangles.
    static func words(of page: PopplerPage) -> [Word] {
        let (text, rects) = page.textWithLayout
        let scalars = text.unicodeScalars
        var words: [Word] = []
        words.reserveCapacity(256)
        // Words are cut from the text as slices rather than built a scalar at a time, and ASCII
        // whitespace is told without a Unicode property lookup: this runs on every character.
        var wordStart: String.UnicodeScalarView.Index?
        var box: Box?
        var index = 0
        var position = scalars.startIndex
        func flush(endsLine: Bool) {
            guard let start = wordStart else { return }
            words.append(
                Word(
                    text: String(scalars[start..<position]), box: box ?? Box(x0: 0, y0: 0, x1: 0, y1: 0),
                    confidence: 100, endsLine: endsLine))
            wordStart = nil
            box = nil
        }
        while position < scalars.endIndex {
            let scalar = scalars[position]
            defer {
                index += 1
                scalars.formIndex(after: &position)
            }
            if scalar == "\n" || scalar == "\r" {
                flush(endsLine: true)
                if let last = words.indices.last { words[last].endsLine = true }
                continue
            }
            if isWhitespace(scalar) {
                flush(endsLine: false)
                continue
            }
            if wordStart == nil { wordStart = position }
            if let rects, index < rects.count {
                let b = rects[index]
                box = box.map { $0.union(b) } ?? b
            }
        }
        flush(endsLine: true)
        return words
    }

    /// Unicode's White_Space property, answered for ASCII without a property lookup.
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }
}
