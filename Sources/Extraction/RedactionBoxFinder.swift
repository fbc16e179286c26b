import FoiaCore

/// Finds the agency's existing redaction boxes on a page image: solid dark rectangles.
///
/// The image is reduced to about 100 dpi. Two kinds of dark region count as boxes: those
/// whose four edges are solid (a box with a white exemption label printed inside it, which
/// erosion would cut apart), and those that survive one erosion almost entirely filled (a box
/// touching bold typewriter text, where the edge test fails). Letters, rules and table lines
/// are too small, too thin or too hollow to pass; a dark scanner border is larger than half
/// the page and is left out too.
enum RedactionBoxFinder {
    /// Resolution the search runs at: fine enough for a box one text line high.
    static let dpi = 100

    /// A connected region of a mask: its bounding cells and how many cells it has.
    struct Region {
        var minX: Int
        var minY: Int
        var maxX: Int
        var maxY: Int
        var count: Int
        var width: Int { maxX - minX + 1 }
        var height: Int { maxY - minY + 1 }
    }

    /// How far above and below a code's line to search, in points: a box two lines high, or
    /// a box on the line next to its code.
    static let bandMargin = 30.0

    /// Boxes within horizontal bands of the page (in points); all of the page when `bands` is
    /// nil or empty.
    static func boxes(in image: GrayImage, bands: [ClosedRange<Double>]) -> [Box] {
        guard !bands.isEmpty else { return boxes(in: image) }
        let strips = pixelRows(bands, dpi: image.dpi, height: image.height).map { r in
            (
                top: r.lowerBound,
                image: GrayImage(
                    width: image.width, height: r.count,
                    pixels: Array(image.pixels[(r.lowerBound * image.width)..<(r.upperBound * image.width)]),
                    dpi: image.dpi)
            )
        }
        return boxes(inStrips: strips, dpi: image.dpi)
    }

    /// The pixel rows searched for bands in points: overlapping bands merged, rows clamped to
    /// the image, strips of 8 rows or fewer left out (no box fits).
    static func pixelRows(_ bands: [ClosedRange<Double>], dpi: Int, height: Int) -> [Range<Int>] {
        let scale = Double(dpi) / 72
        var merged: [ClosedRange<Double>] = []
        for b in bands.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, b.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, b.upperBound)
            } else {
                merged.append(b)
            }
        }
        var out: [Range<Int>] = []
        for band in merged {
            let top = max(0, Int(band.lowerBound * scale))
            let bottom = min(height, Int((band.upperBound * scale).rounded(.up)))
            guard bottom - top > 8 else { continue }
            // Rounding to rows can make neighbouring bands share a row; each is searched on its own.
            out.append(top..<bottom)
        }
        return out
    }

    /// Boxes in strips of a page image (`top` is the strip's first row in the page image),
    /// in page points; a box found in two strips is kept once.
    static func boxes(inStrips strips: [(top: Int, image: GrayImage)], dpi: Int) -> [Box] {
        let scale = Double(dpi) / 72
        var out: [Box] = []
        for (top, strip) in strips {
            let dy = Double(top) / scale
            for var b in boxes(in: strip) {
                b.y0 += dy
                b.y1 += dy
                if !out.contains(where: { $0.intersection(b) != nil }) { out.append(b) }
            }
        }
        return out.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    static func boxes(in image: GrayImage) -> [Box] {
        let factor = max(1, image.dpi / dpi)
        let w = image.width / factor
        let h = image.height / factor
        guard w > 8, h > 8 else { return [] }
        var dark = [Bool](repeating: false, count: w * h)
        // A cell is dark when its mean gray is under 80; `sum < 80 * area` is that test
        // without a division per cell (this runs on every pixel of every searched band).
        let limit = 80 * factor * factor
        image.pixels.withUnsafeBufferPointer { px in
            dark.withUnsafeMutableBufferPointer { out in
                if factor == 1 {
                    for y in 0..<h {
                        let row = y * image.width
                        for x in 0..<w { out[y * w + x] = px[row + x] < 80 }
                    }
                    return
                }
                for y in 0..<h {
                    for x in 0..<w {
                        var sum = 0
                        for dy in 0..<factor {
                            let row = (y * factor + dy) * image.width + x * factor
                            for dx in 0..<factor { sum &+= Int(px[row + dx]) }
                        }
                        out[y * w + x] = sum < limit
                    }
                }
            }
        }
        let cell = 72 * Double(factor) / Double(image.dpi)
        func box(_ r: Region, grow: Int) -> Box {
            Box(
                x0: Double(r.minX - grow) * cell, y0: Double(r.minY - grow) * cell,
                x1: Double(r.maxX + 1 + grow) * cell, y1: Double(r.maxY + 1 + grow) * cell)
        }

        var found: [Box] = []
        for r in regions(dark, w, h) {
            guard Double(r.width) * cell >= 14, Double(r.height) * cell >= 6, r.height >= 4, r.width * r.height < (w * h) / 2,
                r.count * 2 >= r.width * r.height, hasSolidEdges(r, dark, w)
            else { continue }
            found.append(box(r, grow: 0))
        }
        var eroded: [Box] = []
        for r in regions(erode(dark, w, h), w, h) {
            let b = box(r, grow: 1)
            guard b.width >= 7, b.height >= 5, Double(r.count) >= 0.8 * Double(r.width * r.height),
                r.width * r.height < (w * h) / 2
            else { continue }
            eroded.append(b)
        }
        for b in merged(eroded.sorted { ($0.x0, $0.y0) < ($1.x0, $1.y0) }, gap: 3 * cell)
        where b.width >= 12 && !found.contains(where: { $0.intersection(b) != nil }) {
            found.append(b)
        }
        return found.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Connected regions of a mask (4-neighbourhood).
    ///
    /// The stack holds cells as (y << 32 | x), so visiting a cell needs no division.
    static func regions(_ mask: [Bool], _ w: Int, _ h: Int) -> [Region] {
        // A plain loop rather than `map`, which is not vectorised and cost as much as the search.
        var seen = [Bool](unsafeUninitializedCapacity: mask.count) { buffer, initialized in
            mask.withUnsafeBufferPointer { m in
                for i in 0..<m.count { buffer[i] = !m[i] }
            }
            initialized = mask.count
        }
        var out: [Region] = []
        var stack: [Int] = []
        seen.withUnsafeMutableBufferPointer { seen in
            var start = 0
            for y0 in 0..<h {
                for x0 in 0..<w {
                    defer { start += 1 }
                    guard !seen[start] else { continue }
                    var r = Region(minX: w, minY: h, maxX: 0, maxY: 0, count: 0)
                    seen[start] = true
                    stack.append(y0 << 32 | x0)
                    while let packed = stack.popLast() {
                        let x = packed & 0xFFFF_FFFF
                        let y = packed >> 32
                        let p = y * w + x
                        r.count += 1
                        if x < r.minX { r.minX = x }
                        if x > r.maxX { r.maxX = x }
                        if y < r.minY { r.minY = y }
                        if y > r.maxY { r.maxY = y }
                        if x > 0 && !seen[p - 1] {
                            seen[p - 1] = true
                            stack.append(y << 32 | (x - 1))
                        }
                        if x + 1 < w && !seen[p + 1] {
                            seen[p + 1] = true
                            stack.append(y << 32 | (x + 1))
                        }
                        if y > 0 && !seen[p - w] {
                            seen[p - w] = true
                            stack.append((y - 1) << 32 | x)
                        }
                        if y + 1 < h && !seen[p + w] {
                            seen[p + w] = true
                            stack.append((y + 1) << 32 | x)
                        }
                    }
                    out.append(r)
                }
            }
        }
        return out
    }

    /// True when at least 90 % of each edge row and column of the region's rectangle is dark.
    static func hasSolidEdges(_ r: Region, _ dark: [Bool], _ w: Int) -> Bool {
        var top = 0
        var bottom = 0
        var left = 0
        var right = 0
        for x in r.minX...r.maxX {
            if dark[r.minY * w + x] { top += 1 }
            if dark[r.maxY * w + x] { bottom += 1 }
        }
        for y in r.minY...r.maxY {
            if dark[y * w + r.minX] { left += 1 }
            if dark[y * w + r.maxX] { right += 1 }
        }
        return min(top, bottom) * 10 >= r.width * 9 && min(left, right) * 10 >= r.height * 9
    }

    /// Joins pieces of one box that a white exemption label printed inside it cut apart.
    static func merged(_ boxes: [Box], gap: Double) -> [Box] {
        var out: [Box] = []
        for b in boxes {
            if let k = out.lastIndex(where: { a in
                let overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
                return overlap >= 0.5 * min(a.height, b.height) && b.x0 - a.x1 <= gap && b.x0 >= a.x0
            }) {
                out[k] = out[k].union(b)
            } else {
                out.append(b)
            }
        }
        return out
    }

    private static func erode(_ m: [Bool], _ w: Int, _ h: Int) -> [Bool] {
        var out = [Bool](repeating: false, count: w * h)
        m.withUnsafeBufferPointer { m in
            out.withUnsafeMutableBufferPointer { out in
                for y in 1..<(h - 1) {
                    for x in 1..<(w - 1) {
                        let p = y * w + x
                        out[p] =
                            m[p] && m[p - 1] && m[p + 1] && m[p - w] && m[p + w] && m[p - w - 1] && m[p - w + 1]
                            && m[p + w - 1] && m[p + w + 1]
                    }
                }
            }
        }
        return out
    }
}
