import FoiaCore

/// Finds the agency's existing redaction boxes on a page image: solid dark rectangles.
///
/// The image is reduced to about 100 dpi and eroded once, and its solid dark cells grouped
/// into connected regions; a region counts as a box when it is almost entirely filled, and
/// pieces of one box cut apart by a white label printed inside it are joined again.
/// Letters, rules and table lines are too small, too thin or too hollow to pass; a dark
/// scanner border is larger than half the page and is left out too.
enum RedactionBoxFinder {
    /// Resolution the search runs at: fine enough for a box one text line high.
    static let dpi = 100

    static func boxes(in image: GrayImage) -> [Box] {
        let factor = max(1, image.dpi / dpi)
        let w = image.width / factor
        let h = image.height / factor
        guard w > 8, h > 8 else { return [] }
        var dark = [Bool](repeating: false, count: w * h)
        image.pixels.withUnsafeBufferPointer { px in
            for y in 0..<h {
                for x in 0..<w {
                    var sum = 0
                    for dy in 0..<factor {
                        let row = (y * factor + dy) * image.width + x * factor
                        for dx in 0..<factor { sum += Int(px[row + dx]) }
                    }
                    dark[y * w + x] = sum / (factor * factor) < 80
                }
            }
        }
        // Erode once so strokes of letters (even bold typewriter type) touching a box do not
        // join it; only solid areas survive.
        var solid = erode(dark, w, h)
        let pointsPerCell = 72 * Double(factor) / Double(image.dpi)
        var out: [Box] = []
        var stack: [Int] = []
        for start in 0..<(w * h) where solid[start] {
            var minX = w
            var minY = h
            var maxX = 0
            var maxY = 0
            var count = 0
            stack.append(start)
            solid[start] = false
            while let p = stack.popLast() {
                let x = p % w
                let y = p / w
                count += 1
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
                where nx >= 0 && ny >= 0 && nx < w && ny < h && solid[ny * w + nx] {
                    solid[ny * w + nx] = false
                    stack.append(ny * w + nx)
                }
            }
            // Grow back the cell the last erosion took off each side.
            let bw = maxX - minX + 1
            let bh = maxY - minY + 1
            let fill = Double(count) / Double(bw * bh)
            let box = Box(
                x0: Double(minX - 1) * pointsPerCell, y0: Double(minY - 1) * pointsPerCell,
                x1: Double(maxX + 2) * pointsPerCell, y1: Double(maxY + 2) * pointsPerCell)
            guard box.width >= 7, box.height >= 5, fill >= 0.8, bw * bh < (w * h) / 2 else { continue }
            out.append(box)
        }
        // Boxes with a white exemption label inside are cut apart or crumbled by erosion; they
        // are found whole as dark regions whose four edges are solid. Eroded regions add the
        // boxes that touch bold text (typewriter forms), where the edges test fails.
        var found = framedBoxes(dark, w, h, pointsPerCell: pointsPerCell)
        for box in merged(out.sorted { ($0.x0, $0.y0) < ($1.x0, $1.y0) }, gap: 3 * pointsPerCell)
        where box.width >= 12 && !found.contains(where: { $0.intersection(box) != nil }) {
            found.append(box)
        }
        return found.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Dark regions whose bounding rectangle has solid top, bottom, left and right edges.
    static func framedBoxes(_ dark: [Bool], _ w: Int, _ h: Int, pointsPerCell: Double) -> [Box] {
        var seen = [Bool](repeating: false, count: w * h)
        var out: [Box] = []
        var stack: [Int] = []
        for start in 0..<(w * h) where dark[start] && !seen[start] {
            var minX = w
            var minY = h
            var maxX = 0
            var maxY = 0
            var count = 0
            seen[start] = true
            stack.append(start)
            while let p = stack.popLast() {
                let x = p % w
                let y = p / w
                count += 1
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
                where nx >= 0 && ny >= 0 && nx < w && ny < h && dark[ny * w + nx] && !seen[ny * w + nx] {
                    seen[ny * w + nx] = true
                    stack.append(ny * w + nx)
                }
            }
            let bw = maxX - minX + 1
            let bh = maxY - minY + 1
            guard Double(bw) * pointsPerCell >= 14, Double(bh) * pointsPerCell >= 6, bh >= 4, bw * bh < (w * h) / 2,
                Double(count) >= 0.5 * Double(bw * bh)
            else { continue }
            func share(_ cells: [Int]) -> Double { Double(cells.filter { dark[$0] }.count) / Double(max(1, cells.count)) }
            let top = share((minX...maxX).map { minY * w + $0 })
            let bottom = share((minX...maxX).map { maxY * w + $0 })
            let left = share((minY...maxY).map { $0 * w + minX })
            let right = share((minY...maxY).map { $0 * w + maxX })
            guard min(top, bottom, left, right) >= 0.9 else { continue }
            out.append(
                Box(
                    x0: Double(minX) * pointsPerCell, y0: Double(minY) * pointsPerCell,
                    x1: Double(maxX + 1) * pointsPerCell, y1: Double(maxY + 1) * pointsPerCell))
        }
        return out
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
        var out = m
        for y in 0..<h {
            for x in 0..<w where m[y * w + x] {
                var all = true
                for dy in -1...1 where all {
                    for dx in -1...1 {
                        let nx = x + dx
                        let ny = y + dy
                        if nx < 0 || ny < 0 || nx >= w || ny >= h || !m[ny * w + nx] {
                            all = false
                            break
                        }
                    }
                }
                out[y * w + x] = all
            }
        }
        return out
    }
}
