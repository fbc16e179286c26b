import FoiaCore
import Output
import Testing

/// The reference number format: what `appendNumber` wrote before it worked on bytes.
private func referenceNumber(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return "null" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (x * scale).rounded()
    if scaled == 0 { return "0" }
    let negative = scaled < 0
    var digits = String(Int64(abs(scaled)))
    if decimals > 0 {
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        var intPart = String(digits.dropLast(decimals))
        var frac = String(digits.suffix(decimals))
        while frac.hasSuffix("0") { frac.removeLast() }
        if intPart.isEmpty { intPart = "0" }
        digits = frac.isEmpty ? intPart : intPart + "." + frac
    }
    return negative ? "-" + digits : digits
}

/// The reference string format: what `appendQuoted` wrote when it went a scalar at a time.
private func referenceQuoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

@Suite struct JSONTextByteFormattingTests {
    /// Stretches between escapes are appended whole now; the text must be the same.
    @Test func stringsAreWrittenAsBefore() {
        let pieces = [
            "a", "Word", " ", "\n", "\r", "\r\n", "\t", "\"", "\\", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}",
            "\u{2027}", "\u{202A}", "–", "—", "€", "é", "e\u{301}", "👍🏽", "\u{E2}", "(b)(6)",
        ]
        var texts = ["", "plain", "line one\nline two", "\u{2028}", "–\u{2029}–", "\u{E2}\u{80}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 0..<24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        for t in texts {
            var j = JSONText()
            j.string(t)
            #expect(j.text == referenceQuoted(t), "\(t.debugDescription)")
        }
    }

    @Test func numbersAreWrittenAsBefore() {
        var values: [Double] = [0, -0.0, 1, -1, 0.04, -0.04, 0.05, 0.1, 0.123, 612, 791.999, 1e12, -3.5, 10.5, 100.25, .nan, .infinity]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5000 { values.append(Double.random(in: -2000...2000, using: &rng)) }
        for x in values {
            for d in 0...3 {
                var j = JSONText()
                j.number(x, decimals: d)
                #expect(j.text == referenceNumber(x, decimals: d), "\(x) \(d)")
            }
        }
    }

    @Test func stringsAreEscaped() {
        var j = JSONText()
        j.beginArray()
        j.string("plain words")
        j.string("q\"b\\n\nt\t\u{01}\u{2028}–é")
        j.endArray()
        #expect(j.text == "[" + "\"plain words\",\"q\\\"b\\\\n\\nt\\t\\u0001\\u2028–é\"" + "]")
    }
}

/// What `PageRecord.json` wrote when its words went through `beginArray`, `string` and `number`.
private func referencePageRecord(document: ExtractedDocument, page: PageText) -> String {
    var j = JSONText()
    j.beginObject()
    j.field("path", document.input.relativePath)
    j.field("sha256", document.sha256)
    j.field("page", page.number)
    j.field("source", page.source.rawValue)
    j.field("ocr_reason", page.decision.reason)
    j.key("confidence")
    j.number(page.confidence, decimals: 1)
    j.key("width")
    j.number(page.width)
    j.key("height")
    j.number(page.height)
    j.field("rotation", page.scanRotation)
    j.key("redaction_boxes")
    j.beginArray()
    for b in page.redactionBoxes {
        j.beginArray()
        for v in [b.x0, b.y0, b.x1, b.y1] { j.number(v, decimals: 1) }
        j.endArray()
    }
    j.endArray()
    j.field("text", page.text)
    j.key("words")
    j.beginArray()
    for w in page.words {
        j.beginArray()
        j.string(w.text)
        for v in [w.box.x0, w.box.y0, w.box.x1, w.box.y1] { j.number(v, decimals: 1) }
        j.number(w.confidence, decimals: 0)
        j.endArray()
    }
    j.endArray()
    j.endObject()
    return j.text
}

@Suite struct PageRecordTests {
    /// The words are written as bytes now; the record must be the one the builder wrote.
    @Test(arguments: [0, 1, 7])
    func pageRecordIsWrittenAsBefore(wordCount: Int) {
        let texts = ["Dear", "(b)(6)", "O'Neil", "\"quoted\"", "back\\slash", "tab\there", "–", "\u{2028}", "é", "👍🏽", "\u{01}"]
        var rng = SystemRandomNumberGenerator()
        let words = (0..<wordCount).map { k in
            let x = Double.random(in: -5...700, using: &rng)
            let y = Double.random(in: 0...800, using: &rng)
            return Word(
                text: texts[k % texts.count], box: Box(x0: x, y0: y, x1: x + 30.05, y1: y + 9.95),
                confidence: Double.random(in: 0...100, using: &rng))
        }
        var page = PageText(
            number: 3, width: 612, height: 792, source: .text, decision: .useTextLayer("reads \"well\""),
            confidence: 100, text: PageText.joinedText(words), words: words)
        page.redactionBoxes = wordCount > 0 ? [Box(x0: 72, y0: 495.44, x1: 185.8, y1: 509.04)] : []
        let doc = ExtractedDocument(
            input: InputDocument(path: "/in/a b.pdf", relativePath: "a b.pdf"), sha256: "ab12", pages: [page])
        #expect(PageRecord.json(document: doc, page: page) == referencePageRecord(document: doc, page: page))
    }
}
