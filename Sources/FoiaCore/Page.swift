/// A rectangle in page coordinates: points, origin at the top-left of the page as displayed
/// (after the page's `/Rotate`), y growing downwards.
///
/// Every stage speaks this one coordinate system so that a redaction box computed from OCR
/// words can be burned into the same place as one computed from the text layer.
public struct Box: Sendable, Hashable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var area: Double { max(0, width) * max(0, height) }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    public func intersection(_ other: Box) -> Box? {
        let b = Box(x0: max(x0, other.x0), y0: max(y0, other.y0), x1: min(x1, other.x1), y1: min(y1, other.y1))
        return b.width > 0 && b.height > 0 ? b : nil
    }
}

/// One word as printed on a page, with where it is and how sure the reader was.
public struct Word: Sendable, Hashable, Codable {
    public var text: String
    public var box: Box
    /// 0–100; 100 for words read from a text layer.
    public var confidence: Double
    /// True when this word is the last one on its printed line.
    public var endsLine: Bool

    public init(text: String, box: Box, confidence: Double = 100, endsLine: Bool = false) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.endsLine = endsLine
    }
}

/// Where a page's text came from.
public enum PageSource: String, Sendable, Codable {
    case text
    case ocr
}

/// The text of one page, from its text layer or from OCR, in reading order.
public struct PageText: Sendable, Codable {
    /// 1-based page number.
    public var number: Int
    /// Page size in points, as displayed (after `/Rotate`).
    public var width: Double
    public var height: Double
    public var source: PageSource
    /// Why the text layer was trusted or OCR was run; recorded so a reviewer can see it.
    public var decision: OCRDecision
    /// Mean word confidence, 0–100 (100 for a trusted text layer).
    public var confidence: Double
    /// The page text: words joined by spaces, lines by newlines.
    public var text: String
    public var words: [Word]
    /// Clockwise rotation (0, 90, 180, 270) that was applied to a scan to read it upright.
    public var scanRotation: Int
    /// Solid boxes the releasing agency drew over text (found where the page is rendered).
    public var redactionBoxes: [Box] = []

    public init(
        number: Int, width: Double, height: Double, source: PageSource, decision: OCRDecision,
        confidence: Double, text: String, words: [Word], scanRotation: Int = 0
    ) {
        self.number = number
        self.width = width
        self.height = height
        self.source = source
        self.decision = decision
        self.confidence = confidence
        self.text = text
        self.words = words
        self.scanRotation = scanRotation
    }
}

extension PageText {
    /// Builds the page text from words: spaces between words, a newline after each line.
    public static func joinedText(_ words: [Word]) -> String {
        var out = ""
        out.reserveCapacity(words.count * 7)
        for (i, w) in words.enumerated() {
            out += w.text
            if i < words.count - 1 { out += w.endsLine ? "\n" : " " }
        }
        return out
    }
}
