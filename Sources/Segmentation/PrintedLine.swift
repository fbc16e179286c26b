import FoiaCore

/// One printed line of a page, the unit segmentation works on.
struct PrintedLine: Sendable {
    var page: Int
    /// Position of the line on its page, from 0.
    var index: Int
    var text: String {
        didSet { trimmed = PrintedLine.trim(text) }
    }
    /// The text without surrounding spaces, kept because every rule reads it.
    private(set) var trimmed: String
    /// Median word height in points: the owner's name line of an Outlook printout is set larger.
    var height: Double
    var top: Double
    var isFurniture = false

    init(page: Int, index: Int, text: String, height: Double, top: Double) {
        self.page = page
        self.index = index
        self.text = text
        self.trimmed = PrintedLine.trim(text)
        self.height = height
        self.top = top
    }

    static func trim(_ s: String) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }),
            let last = s.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(s[first...last])
    }
}

extension PrintedLine {
    /// Splits a page's words into lines (at `endsLine`), keeping each line's height and position.
    static func lines(of page: PageText) -> [PrintedLine] {
        var out: [PrintedLine] = []
        var words: [Word] = []
        func flush() {
            guard !words.isEmpty else { return }
            let heights = words.map(\.box.height).sorted()
            out.append(
                PrintedLine(
                    page: page.number, index: out.count, text: words.map(\.text).joined(separator: " "),
                    height: heights[heights.count / 2], top: words.map(\.box.y0).min() ?? 0))
            words = []
        }
        for w in page.words {
            words.append(w)
            if w.endsLine { flush() }
        }
        flush()
        return out
    }
}
