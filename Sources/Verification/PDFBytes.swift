import Foundation

/// The raw bytes of a PDF, read for what poppler does not show.
///
/// poppler reads only a file's latest revision, so text removed by an incremental update
/// stays in the bytes; and a string may sit in an object nothing references. This reads the
/// file's object syntax as text (PDF strings, dictionaries, old revisions) and leaves out
/// binary streams, whose bytes would otherwise produce random "words" and false alarms.
/// Compressed text is not decoded: the text layer and OCR checks cover what a reader sees.
struct PDFBytes {
    /// The readable part of the file as Latin-1 text.
    var text: String
    /// `%%EOF` markers beyond those of one revision (two for a linearized file).
    var extraRevisions: Int

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var kept: [UInt8] = []
        kept.reserveCapacity(min(bytes.count, 1 << 20))
        var i = 0
        let streamMarker = Array("stream".utf8)
        let endMarker = Array("endstream".utf8)
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "s"), PDFBytes.matches(bytes, streamMarker, at: i),
                i == 0 || bytes[i - 1] != UInt8(ascii: "d")
            {
                var start = i + streamMarker.count
                if start < bytes.count, bytes[start] == 13 { start += 1 }
                if start < bytes.count, bytes[start] == 10 { start += 1 }
                let end = PDFBytes.find(endMarker, in: bytes, from: start) ?? bytes.count
                if PDFBytes.isTextual(bytes[start..<min(end, start + 1024)]) {
                    kept.append(contentsOf: bytes[start..<end])
                } else {
                    kept.append(10)
                }
                i = end
                continue
            }
            // UTF-16 strings (a BOM, then a NUL before every ASCII letter) read as text without them.
            let b = bytes[i]
            if b != 0 && b != 0xFE && b != 0xFF { kept.append(b) }
            i += 1
        }
        // PDFDocEncoding agrees with Latin-1 on letters, so "José" in a literal string reads as such.
        text = String(bytes: kept, encoding: .isoLatin1) ?? String(decoding: kept, as: UTF8.self)
        let eofCount = PDFBytes.count(Array("%%EOF".utf8), in: bytes)
        let linearized = PDFBytes.find(Array("/Linearized".utf8), in: bytes, from: 0, limit: 2048) != nil
        extraRevisions = max(0, eofCount - (linearized ? 2 : 1))
    }

    private static func matches(_ bytes: [UInt8], _ needle: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        let last = min(bytes.count, limit ?? bytes.count) - needle.count
        guard start <= last else { return nil }
        for i in start...last where bytes[i] == needle[0] && matches(bytes, needle, at: i) { return i }
        return nil
    }

    private static func count(_ needle: [UInt8], in bytes: [UInt8]) -> Int {
        var n = 0
        var i = 0
        while let found = find(needle, in: bytes, from: i) {
            n += 1
            i = found + needle.count
        }
        return n
    }

    /// Mostly printable ASCII: an uncompressed stream (XMP, a plain content stream).
    static func isTextual(_ sample: ArraySlice<UInt8>) -> Bool {
        guard !sample.isEmpty else { return true }
        let printable = sample.filter { ($0 >= 32 && $0 < 127) || $0 == 9 || $0 == 10 || $0 == 13 }.count
        return printable * 100 >= sample.count * 95
    }
}
