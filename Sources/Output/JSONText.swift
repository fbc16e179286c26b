/// Builds compact JSON text with keys in the order written.
///
/// Output files are compared byte for byte between runs and between single-machine and
/// sharded runs, so key order and number formatting are fixed here rather than left to
/// `JSONEncoder`'s dictionary order.
public struct JSONText {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() {
        separator()
        text += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        text += "}"
    }

    public mutating func beginArray() {
        separator()
        text += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        text += "]"
    }

    /// Writes `"key":`; the next value written belongs to it.
    public mutating func key(_ k: String) {
        separator()
        JSONText.appendQuoted(k, to: &text)
        text += ":"
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ s: String?) {
        separator()
        if let s { JSONText.appendQuoted(s, to: &text) } else { text += "null" }
    }

    public mutating func int(_ i: Int?) {
        separator()
        text += i.map(String.init) ?? "null"
    }

    public mutating func bool(_ b: Bool) {
        separator()
        text += b ? "true" : "false"
    }

    /// A number with at most `decimals` digits after the point and no trailing zeros.
    public mutating func number(_ x: Double, decimals: Int = 2) {
        separator()
        JSONText.appendNumber(x, decimals: decimals, to: &text)
    }

    public mutating func field(_ k: String, _ s: String?) {
        key(k)
        string(s)
    }

    public mutating func field(_ k: String, _ i: Int?) {
        key(k)
        int(i)
    }

    public mutating func field(_ k: String, _ b: Bool) {
        key(k)
        bool(b)
    }

    public mutating func field(strings k: String, _ strings: [String]) {
        key(k)
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    static func appendNumber(_ x: Double, decimals: Int, to out: inout String) {
        guard x.isFinite else {
            out += "null"
            return
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * scale).rounded()
        if scaled == 0 {
            out += "0"
            return
        }
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
        out += negative ? "-" + digits : digits
    }

    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
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
        out += "\""
    }
}
