import FoiaCore

/// Puts a page's words in the order a reader sees them: printed rows, top to bottom, left to right.
///
/// Both poppler and tesseract often put the labels of an Outlook header block (`From:`,
/// `Sent:`) in one column block and their values in another, so their block order prints all
/// labels before all values. Lines that sit side by side on the same baseline and do not
/// overlap are merged back into one printed row here. Lines are kept whole, so a skewed
/// scan's lines (found by tesseract, which deskews) stay intact.
enum LineLayout {
    struct Line {
        var words: [Word]
        var box: Box
    }

    /// Splits words into lines at `endsLine`.
    static func lines(_ words: [Word]) -> [Line] {
        var out: [Line] = []
        var current: [Word] = []
        for w in words {
            current.append(w)
            if w.endsLine {
                out.append(makeLine(current))
                current = []
            }
        }
        if !current.isEmpty { out.append(makeLine(current)) }
        return out
    }

    static func makeLine(_ words: [Word]) -> Line {
        var box = words[0].box
        for w in words.dropFirst() { box = box.union(w.box) }
        return Line(words: words, box: box)
    }

    /// Groups lines that share a baseline and do not overlap horizontally into printed rows.
    static func rows(_ lines: [Line]) -> [[Line]] {
        let sorted = lines.enumerated().sorted { a, b in
            let ca = a.element.box.y0 + a.element.box.y1
            let cb = b.element.box.y0 + b.element.box.y1
            return ca != cb ? ca < cb : a.offset < b.offset
        }.map(\.element)
        var rows: [[Line]] = []
        for line in sorted {
            var placed = false
            for r in stride(from: rows.count - 1, through: max(0, rows.count - 4), by: -1) {
                let row = rows[r]
                let overlapsHorizontally = row.contains { $0.box.x0 < line.box.x1 && line.box.x0 < $0.box.x1 }
                if overlapsHorizontally { continue }
                let sharesBaseline = row.contains { other in
                    let overlap = min(other.box.y1, line.box.y1) - max(other.box.y0, line.box.y0)
                    return overlap >= 0.6 * min(other.box.height, line.box.height)
                }
                if sharesBaseline {
                    rows[r].append(line)
                    placed = true
                    break
                }
            }
            if !placed { rows.append([line]) }
        }
        return rows.map { $0.sorted { $0.box.x0 < $1.box.x0 } }
    }

    /// The words of `lines` in row order, with `endsLine` set at the end of each row.
    static func readingOrder(_ lines: [Line]) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.words.count })
        for row in rows(lines) {
            let start = out.count
            for line in row {
                for var w in line.words {
                    w.endsLine = false
                    out.append(w)
                }
            }
            if out.count > start { out[out.count - 1].endsLine = true }
        }
        return out
    }

    /// Page words in points from tesseract's words, for an image turned `rotation` degrees
    /// clockwise before reading.
    ///
    /// - Parameters:
    ///   - width: width of the image as rendered (before the turn), in pixels.
    ///   - height: height of the image as rendered (before the turn), in pixels.
    static func pageWords(
        _ words: [TesseractEngine.PixelWord], dpi: Int, rotation: Int, width: Int, height: Int, mergeRows: Bool = true
    ) -> [Word] {
        let scale = 72 / Double(dpi)
        var byLine: [Int: [Word]] = [:]
        var order: [Int] = []
        for w in words {
            let (l, t, r, b) = unrotate(w, rotation: rotation, width: width, height: height)
            let word = Word(
                text: w.text,
                box: Box(x0: Double(l) * scale, y0: Double(t) * scale, x1: Double(r) * scale, y1: Double(b) * scale),
                confidence: w.confidence)
            if byLine[w.line] == nil { order.append(w.line) }
            byLine[w.line, default: []].append(word)
        }
        // Rows are merged only where lines are horizontal in the page frame; for a turned scan
        // tesseract's own line order is the reading order.
        let upright = order.compactMap { key -> Line? in
            guard let ws = byLine[key], !ws.isEmpty else { return nil }
            return makeLine(ws)
        }
        if rotation % 360 == 0 && mergeRows { return readingOrder(upright) }
        var out: [Word] = []
        for line in upright {
            for (i, var w) in line.words.enumerated() {
                w.endsLine = i == line.words.count - 1
                out.append(w)
            }
        }
        return out
    }

    /// Maps a box in the turned image back to the image as rendered.
    static func unrotate(_ w: TesseractEngine.PixelWord, rotation: Int, width: Int, height: Int) -> (
        Int, Int, Int, Int
    ) {
        switch (rotation % 360 + 360) % 360 {
        case 90: return (w.top, height - w.right, w.bottom, height - w.left)
        case 180: return (width - w.right, height - w.bottom, width - w.left, height - w.top)
        case 270: return (width - w.bottom, w.left, width - w.top, w.right)
        default: return (w.left, w.top, w.right, w.bottom)
        }
    }
}
