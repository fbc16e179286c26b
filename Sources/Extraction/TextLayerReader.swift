import CPoppler
import FoiaCore

/// Reads the words of a page's text layer with their boxes, in poppler's reading order.
enum TextLayerReader {
    /// Words with boxes in points (top-left origin, as displayed).
    ///
    /// poppler gives one rectangle per character of `poppler_page_get_text`, so words are cut
    /// at whitespace and their boxes are the union of their characters' rectangles.
    static func words(of page: PopplerPageHandle) -> [Word] {
        guard let cText = poppler_page_get_text(page.raw) else { return [] }
        defer { g_free(cText) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        let hasLayout = poppler_page_get_text_layout(page.raw, &rects, &count) != 0
        defer { if let rects { g_free(rects) } }
        let text = String(cString: cText)
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
            if hasLayout, let rects, index < Int(count) {
                let r = rects[index]
                let b = Box(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
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

    /// Share of the page covered by images, 0–1 (overlaps counted once per image, capped at 1).
    static func imageCoverage(of page: PopplerPageHandle, width: Double, height: Double) -> Double {
        guard width > 0, height > 0 else { return 0 }
        guard let list = poppler_page_get_image_mapping(page.raw) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        let pageBox = Box(x0: 0, y0: 0, x1: width, y1: height)
        var largest = 0.0
        var total = 0.0
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let r = mapping.area
                let b = Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))
                let a = b.intersection(pageBox)?.area ?? 0
                largest = max(largest, a)
                total += a
            }
            node = n.pointee.next
        }
        return min(1, max(largest, min(total, pageBox.area)) / pageBox.area)
    }
}
