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

    /// Writes a value already written as JSON (a record part built as bytes).
    mutating func raw(_ json: String) {
        separator()
        text += json
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            let n = writeNumber(x, decimals: decimals, into: buf)
            out += String(decoding: UnsafeBufferPointer(rebasing: buf[..<n]), as: UTF8.self)
        }
    }

    /// `appendNumber` onto bytes, for records built as bytes.
    static func appendNumber(_ x: Double, decimals: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            let n = writeNumber(x, decimals: decimals, into: buf)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[..<n]))
        }
    }

    /// Writes the number as `number` does into `buf` (48 bytes at least); returns the bytes written.
    private static func writeNumber(_ x: Double, decimals: Int, into buf: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard x.isFinite else {
            for (i, b) in "null".utf8.enumerated() { buf[i] = b }
            return 4
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * scale).rounded()
        if scaled == 0 {
            buf[0] = UInt8(ascii: "0")
            return 1
        }
        // Every word box writes five numbers, so digits go into a small buffer instead of
        // through String slicing: the integer part, then the fraction without trailing zeros.
        let value = Int64(abs(scaled)).magnitude
        var unit: UInt64 = 1
        for _ in 0..<decimals { unit *= 10 }
        let whole = value / unit
        var frac = value % unit
        var fracDigits = decimals
        while frac != 0 && frac % 10 == 0 {
            frac /= 10
            fracDigits -= 1
        }
        var n = 0
        if scaled < 0 {
            buf[n] = UInt8(ascii: "-")
            n += 1
        }
        n += writeDigits(whole, minimum: 1, into: UnsafeMutableBufferPointer(rebasing: buf[n...]))
        if frac != 0 {
            buf[n] = UInt8(ascii: ".")
            n += 1
            n += writeDigits(frac, minimum: fracDigits, into: UnsafeMutableBufferPointer(rebasing: buf[n...]))
        }
        return n
    }

    /// Writes `v` in decimal, zero-padded to `minimum` digits; returns the digits written.
    private static func writeDigits(_ v: UInt64, minimum: Int, into buf: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var t = v
        repeat {
            count += 1
            t /= 10
        } while t != 0
        count = max(count, minimum)
        var r = v
        for i in stride(from: count - 1, through: 0, by: -1) {
            buf[i] = UInt8(ascii: "0") + UInt8(r % 10)
            r /= 10
        }
        return count
    }

    static func appendQuoted(_ s: String, to out: inout String) {
        // Most strings (words, paths) need no escape: append them whole.
        if !needsEscape(s) {
            out += "\""
            out += s
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 16)
        appendQuoted(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscape(_ s: String) -> Bool {
        s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 })
    }

    /// `appendQuoted` onto bytes.
    ///
    /// A page's text has newlines, so it is escaped: the stretches between escapes are
    /// appended whole (a scalar at a time, this was most of writing a page record). The cuts
    /// are at ASCII bytes or before an E2 lead byte, so each stretch is whole UTF-8.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { bytes in
            let n = bytes.count
            var start = 0
            var i = 0
            while i < n {
                let b = bytes[i]
                let escape: StaticString
                var length = 1
                var control = false
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20:
                    escape = "\\u00"
                    control = true
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029, line and paragraph separators.
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                if control {
                    // Two lower-case hex digits, as String(_:radix: 16) padded to four wrote them.
                    let digits: StaticString = "0123456789abcdef"
                    out.append(digits.utf8Start[Int(b >> 4)])
                    out.append(digits.utf8Start[Int(b & 0xF)])
                }
                i += length
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
