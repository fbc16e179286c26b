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
