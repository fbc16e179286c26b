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

    /// A gray value under this is dark (for a cell, its mean gray).
    static let darkBelow: UInt8 = 80

    /// Boxes in dark-pixel masks of strips of a page rendered at `dpi` (at most `Self.dpi`,
    /// so a pixel is a cell), as `PageRenderer.darkRows` gives them; the same boxes as
    /// `boxes(inStrips:dpi:)` finds in the gray strips.
    static func boxes(inMasks strips: [(top: Int, mask: [Bool])], width: Int, dpi: Int) -> [Box] {
        precondition(dpi / Self.dpi <= 1, "masks are searched cell for pixel")
        let scale = Double(dpi) / 72
        let cell = 72 / Double(dpi)
        var out: [Box] = []
        for (top, mask) in strips {
            let dy = Double(top) / scale
            for var b in boxes(dark: mask, width, width > 0 ? mask.count / width : 0, cell: cell) {
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
        let limit = Int(darkBelow) * factor * factor
        image.pixels.withUnsafeBufferPointer { px in
            dark.withUnsafeMutableBufferPointer { out in
                if factor == 1 {
                    // As bytes, so the compiler can vectorise the comparison.
                    out.withMemoryRebound(to: UInt8.self) { o in
                        for y in 0..<h {
                            let row = y * image.width
                            let base = y * w
                            for x in 0..<w { o[base + x] = px[row + x] < darkBelow ? 1 : 0 }
                        }
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
        return boxes(dark: dark, w, h, cell: 72 * Double(factor) / Double(image.dpi))
    }

    /// Boxes in a mask of dark cells, `w` × `h`, each cell `cell` points wide.
    static func boxes(dark: [Bool], _ w: Int, _ h: Int, cell: Double) -> [Box] {
        guard w > 8, h > 8 else { return [] }
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

    /// Connected regions of a mask (4-neighbourhood), in the raster order of their first cell.
    ///
    /// Works on horizontal runs of dark cells joined with a union-find, not cell by cell:
    /// text in the searched bands makes thousands of small regions, and a flood fill that
    /// pushes every dark cell cost more than rendering the page.
    static func regions(_ mask: [Bool], _ w: Int, _ h: Int) -> [Region] {
        // At most one run per two cells of a row (plus one); fixed buffers keep the hot loop
        // free of growth checks and of exclusivity checks on captured arrays.
        let capacity = max(1, (w / 2 + 1) * h)
        let runY = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        let runX0 = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        let runX1 = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        let parent = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        defer {
            runY.deallocate()
            runX0.deallocate()
            runX1.deallocate()
            parent.deallocate()
        }
        @inline(__always) func find(_ i: Int) -> Int {
            var i = i
            while Int(parent[i]) != i {
                parent[i] = parent[Int(parent[i])]
                i = Int(parent[i])
            }
            return i
        }
        var runCount = 0
        mask.withUnsafeBufferPointer { m in
            var previous = 0..<0
            for y in 0..<h {
                let rowStart = runCount
                let row = y * w
                var x = 0
                var k = previous.lowerBound
                while x < w {
                    // Skip light cells 32, then eight at a time (a Bool is one byte, 0 or 1):
                    // most of a band is light.
                    while x + 32 <= w {
                        let p = UnsafeRawPointer(m.baseAddress! + row + x)
                        let any =
                            p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                            | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                            | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                        if any != 0 { break }
                        x += 32
                    }
                    while x + 8 <= w {
                        let word = UnsafeRawPointer(m.baseAddress! + row + x).loadUnaligned(as: UInt64.self)
                        if word == 0 {
                            x += 8
                        } else {
                            x += word.littleEndian.trailingZeroBitCount / 8
                            break
                        }
                    }
                    guard x < w, m[row + x] else {
                        x += 1
                        continue
                    }
                    let x0 = x
                    while x + 8 <= w {
                        let word = UnsafeRawPointer(m.baseAddress! + row + x).loadUnaligned(as: UInt64.self)
                        if word == 0x0101_0101_0101_0101 {
                            x += 8
                        } else {
                            x += (word ^ 0x0101_0101_0101_0101).littleEndian.trailingZeroBitCount / 8
                            break
                        }
                    }
                    while x < w && m[row + x] { x += 1 }
                    let x1 = x - 1
                    let index = runCount
                    runCount += 1
                    runY[index] = Int32(y)
                    runX0[index] = Int32(x0)
                    runX1[index] = Int32(x1)
                    parent[index] = Int32(index)
                    // Runs of the row above that share a column with this one (4-neighbourhood).
                    while k < previous.upperBound && Int(runX1[k]) < x0 { k += 1 }
                    var j = k
                    while j < previous.upperBound && Int(runX0[j]) <= x1 {
                        let a = find(j)
                        let b = find(index)
                        // The older root stays the root; the order of regions does not depend on it.
                        if a != b { parent[max(a, b)] = Int32(min(a, b)) }
                        j += 1
                    }
                }
                previous = rowStart..<runCount
            }
        }
        var out: [Region] = []
        var slot = [Int](repeating: -1, count: runCount)
        for i in 0..<runCount {
            let root = find(i)
            let y = Int(runY[i])
            let x0 = Int(runX0[i])
            let x1 = Int(runX1[i])
            if slot[root] < 0 {
                // Runs come in raster order, so a region's first run holds its first cell.
                slot[root] = out.count
                out.append(Region(minX: x0, minY: y, maxX: x1, maxY: y, count: 0))
            }
            let k = slot[root]
            out[k].count += x1 - x0 + 1
            if x0 < out[k].minX { out[k].minX = x0 }
            if x1 > out[k].maxX { out[k].maxX = x1 }
            if y > out[k].maxY { out[k].maxY = y }
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
        guard w > 2, h > 2 else { return out }
        // A Bool is one byte, 0 or 1, so eight cells are ANDed at once with their eight
        // neighbours; the few cells at the end of a row go one by one.
        m.withUnsafeBytes { m in
            out.withUnsafeMutableBytes { out in
                func load(_ i: Int) -> UInt64 { m.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
                for y in 1..<(h - 1) {
                    let up = (y - 1) * w
                    let mid = y * w
                    let down = (y + 1) * w
                    var x = 1
                    while x + 8 <= w - 1 {
                        // Light cells stay light: most of a band needs only this one load.
                        let centre = load(mid + x)
                        let v =
                            centre == 0
                            ? 0
                            : load(up + x - 1) & load(up + x) & load(up + x + 1) & load(mid + x - 1) & centre
                                & load(mid + x + 1) & load(down + x - 1) & load(down + x) & load(down + x + 1)
                        out.storeBytes(of: v, toByteOffset: mid + x, as: UInt64.self)
                        x += 8
                    }
                    while x < w - 1 {
                        out[mid + x] =
                            m[up + x - 1] & m[up + x] & m[up + x + 1] & m[mid + x - 1] & m[mid + x] & m[mid + x + 1]
                            & m[down + x - 1] & m[down + x] & m[down + x + 1]
                        x += 1
                    }
                }
            }
        }
        return out
    }
}
