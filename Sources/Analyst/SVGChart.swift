import Foundation

/// Bar charts drawn as inline SVG: no script, no library, nothing fetched.
///
/// Each chart carries a `<title>` and a `<desc>` (read out by screen readers through
/// `aria-labelledby`); the numbers themselves are in the table the report prints under it.
enum SVGChart {
    struct Series {
        var name: String
        var color: String
    }

    struct Segment {
        var value: Int
        var series: Int
    }

    struct Bar {
        /// Printed left of the bar, under the row label (`with a detainer`); nil for one bar a row.
        var label: String?
        var segments: [Segment]
        /// Drawn lighter (the second bar of a pair).
        var pale = false
    }

    struct Row {
        var label: String
        var bars: [Bar]
    }

    static let width = 820.0
    private static let labelWidth = 250.0
    private static let valueRoom = 56.0
    private static let barHeight = 14.0

    /// Horizontal bars, each a stack of segments, grouped in labelled rows.
    static func horizontal(
        id: String, title: String, description: String, rows: [Row], series: [Series], paleNote: String? = nil
    ) -> String {
        let maxValue = rows.flatMap(\.bars).map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 0
        let scale = Axis(maxValue: maxValue)
        let plot = width - labelWidth - valueRoom
        var y = 34.0
        var body = ""
        for row in rows {
            // Rows of labelled bars get their label on a line of its own above them.
            let stacked = row.bars.contains { $0.label != nil }
            if stacked {
                body += text(x: 8, y: y + 11, anchor: "start", size: 12, fill: "#111", bold: true, row.label)
                y += 16
            } else {
                body += text(x: labelWidth - 8, y: y + barHeight - 3, anchor: "end", size: 12, fill: "#111", row.label)
            }
            for (b, bar) in row.bars.enumerated() {
                if let label = bar.label {
                    body += text(x: labelWidth - 8, y: y + barHeight - 3, anchor: "end", size: 11, fill: "#555", label)
                }
                var x = labelWidth
                for s in bar.segments where s.value > 0 {
                    let w = Double(s.value) / scale.top * plot
                    let color = series.indices.contains(s.series) ? series[s.series].color : "#999"
                    body +=
                        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(barHeight))\" fill=\"\(color)\""
                    body += bar.pale ? " fill-opacity=\"0.42\"" : ""
                    body += "><title>\(escape(row.label))\(bar.label.map { ", " + escape($0) } ?? ""): "
                    body +=
                        "\(escape(series.indices.contains(s.series) ? series[s.series].name : "")) \(s.value)</title></rect>"
                    x += w
                }
                let total = bar.segments.reduce(0) { $0 + $1.value }
                body += text(x: x + 4, y: y + barHeight - 3, anchor: "start", size: 11, fill: "#222", "\(total)")
                y += barHeight + (b == row.bars.count - 1 ? 0 : 3)
            }
            y += stacked ? 10 : 8
        }
        let plotBottom = y
        var axis = ""
        for t in scale.ticks {
            let x = labelWidth + Double(t) / scale.top * plot
            axis += "<line x1=\"\(f(x))\" y1=\"30\" x2=\"\(f(x))\" y2=\"\(f(plotBottom))\" stroke=\"#ddd\"/>"
            axis += text(x: x, y: plotBottom + 14, anchor: "middle", size: 11, fill: "#555", "\(t)")
        }
        let height = plotBottom + 24
        return frame(id: id, title: title, description: description, height: height)
            + legend(series, paleNote: paleNote)
            + axis + body + "</svg>"
    }

    /// One column per label with up to two overlaid series (the second within the first).
    static func columns(
        id: String, title: String, description: String, labels: [String], values: [[Int]], series: [Series]
    )
        -> String
    {
        let maxValue = values.flatMap { $0 }.max() ?? 0
        let scale = Axis(maxValue: maxValue)
        let left = 46.0
        let plotTop = 34.0
        let plotHeight = 220.0
        let plot = width - left - 10
        let step = labels.isEmpty ? plot : plot / Double(labels.count)
        var out = frame(id: id, title: title, description: description, height: plotTop + plotHeight + 48)
        out += legend(series, paleNote: nil)
        for t in scale.ticks {
            let y = plotTop + plotHeight - Double(t) / scale.top * plotHeight
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 10))\" y2=\"\(f(y))\" stroke=\"#ddd\"/>"
            out += text(x: left - 6, y: y + 4, anchor: "end", size: 11, fill: "#555", "\(t)")
        }
        let every = max(1, Int((Double(labels.count) * 58 / plot).rounded(.up)))
        for (i, label) in labels.enumerated() {
            let x = left + Double(i) * step
            for (k, s) in series.enumerated() where k < values.count && i < values[k].count && values[k][i] > 0 {
                let v = values[k][i]
                let h = Double(v) / scale.top * plotHeight
                let inset = k == 0 ? step * 0.1 : step * 0.28
                out +=
                    "<rect x=\"\(f(x + inset))\" y=\"\(f(plotTop + plotHeight - h))\" width=\"\(f(max(0.5, step - 2 * inset)))\""
                out +=
                    " height=\"\(f(h))\" fill=\"\(s.color)\"><title>\(escape(label)): \(escape(s.name)) \(v)</title></rect>"
            }
            if i % every == 0 {
                out += text(
                    x: x + step / 2, y: plotTop + plotHeight + 16, anchor: "middle", size: 11, fill: "#555", label)
            }
        }
        out +=
            "<line x1=\"\(f(left))\" y1=\"\(f(plotTop + plotHeight))\" x2=\"\(f(width - 10))\" y2=\"\(f(plotTop + plotHeight))\" stroke=\"#888\"/>"
        return out + "</svg>"
    }

    private static func frame(id: String, title: String, description: String, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\""
            + " aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"system-ui, sans-serif\">"
            + "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
    }

    private static func legend(_ series: [Series], paleNote: String?) -> String {
        var out = ""
        var x = 8.0
        for s in series {
            out += "<rect x=\"\(f(x))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(s.color)\"/>"
            out += text(x: x + 16, y: 18, anchor: "start", size: 12, fill: "#222", s.name)
            x += 28 + Double(s.name.count) * 7.2
        }
        if let paleNote {
            out += text(x: x + 8, y: 18, anchor: "start", size: 12, fill: "#555", paleNote)
        }
        return out
    }

    private static func text(
        x: Double, y: Double, anchor: String, size: Int, fill: String, bold: Bool = false, _ s: String
    ) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\""
            + (bold ? " font-weight=\"600\"" : "") + ">\(escape(s))</text>"
    }

    /// A coordinate with at most one decimal.
    static func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// A value axis: a round top and four or five ticks.
    struct Axis {
        var top: Double
        var ticks: [Int]

        init(maxValue: Int) {
            let m = max(1, maxValue)
            // The smallest of 1, 2, 5, 10, 20, 50 … that needs at most five ticks above zero.
            var step = 1
            var k = 0
            while (m + step - 1) / step > 5 {
                k += 1
                step = [1, 2, 5][k % 3] * Int(pow(10, Double(k / 3)))
            }
            let topTick = ((m + step - 1) / step) * step
            top = Double(topTick)
            ticks = Array(stride(from: 0, through: topTick, by: step))
        }
    }
}

/// Text for HTML and SVG: `&`, `<`, `>` and both quotes escaped, so it is safe in content and attributes.
func escape(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
