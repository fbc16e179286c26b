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
    /// Left edge of each word (the words of `text`, split at spaces), in points: header values
    /// are printed in a column, which tells a value whose label OCR lost.
    var wordX: [Double]
    /// Width of the page, for tolerances.
    var pageWidth: Double

    init(page: Int, index: Int, text: String, height: Double, top: Double, wordX: [Double] = [], pageWidth: Double = 612) {
        self.page = page
        self.index = index
        self.text = text
        self.trimmed = PrintedLine.trim(text)
        self.height = height
        self.top = top
        self.wordX = wordX
        self.pageWidth = pageWidth
    }

    /// The x of word `k` of the line, when known.
    func x(ofWord k: Int) -> Double? { k >= 0 && k < wordX.count ? wordX[k] : nil }

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
                    height: heights[heights.count / 2], top: words.map(\.box.y0).min() ?? 0,
                    wordX: words.filter { !$0.text.isEmpty }.map(\.box.x0), pageWidth: page.width))
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
