import FoiaCore
import Foundation

/// A page as the run store keeps it: a compact binary record, not JSON.
///
/// Every page read is stored once and read back for the redact pass; with `JSONEncoder` and
/// `JSONDecoder` that round trip was about 4% of a text-layer run's CPU (a page has hundreds
/// of words, each with a box). The layout is private to the store: a version byte, then the
/// fields in declaration order; numbers little-endian, strings as a length and UTF-8. The
/// page fingerprint names the version (`RunFingerprint`), so a store written with another
/// layout is read again from the PDFs rather than misread.
public enum StoredPage {
    public static let version: UInt8 = 2

    public static func encode(_ page: PageText) -> Data {
        var w = Writer()
        w.bytes.reserveCapacity(64 + page.text.utf8.count * 3 + page.words.count * 48)
        w.byte(version)
        w.int(page.number)
        w.double(page.width)
        w.double(page.height)
        w.byte(page.source == .ocr ? 1 : 0)
        w.byte(page.decision.action == .ocr ? 1 : 0)
        w.string(page.decision.reason)
        w.double(page.confidence)
        w.string(page.text)
        w.int(page.scanRotation)
        w.int(page.redactionBoxes.count)
        for b in page.redactionBoxes { w.box(b) }
        w.int(page.words.count)
        for word in page.words {
            w.string(word.text)
            w.box(word.box)
            w.double(word.confidence)
            w.byte(word.endsLine ? 1 : 0)
        }
        return Data(w.bytes)
    }

    public static func decode(_ data: Data) throws(StoredPageError) -> PageText {
        let result: Result<PageText, StoredPageError> = data.withUnsafeBytes { raw in
            do throws(StoredPageError) {
                return .success(try decode(raw))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func decode(_ raw: UnsafeRawBufferPointer) throws(StoredPageError) -> PageText {
        var r = Reader(raw)
        guard try r.byte() == version else { throw StoredPageError() }
        let number = try r.int()
        let width = try r.double()
        let height = try r.double()
        let source: PageSource = try r.byte() == 1 ? .ocr : .text
        let action: OCRDecision.Action = try r.byte() == 1 ? .ocr : .useTextLayer
        let reason = try r.string()
        let confidence = try r.double()
        let text = try r.string()
        let rotation = try r.int()
        var boxes: [Box] = []
        let boxCount = try r.count()
        boxes.reserveCapacity(boxCount)
        for _ in 0..<boxCount { boxes.append(try r.box()) }
        var words: [Word] = []
        let wordCount = try r.count()
        words.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            let t = try r.string()
            let box = try r.box()
            let c = try r.double()
            words.append(Word(text: t, box: box, confidence: c, endsLine: try r.byte() == 1))
        }
        guard r.atEnd else { throw StoredPageError() }
        var page = PageText(
            number: number, width: width, height: height, source: source, decision: OCRDecision(action, reason: reason),
            confidence: confidence, text: text, words: words, scanRotation: rotation)
        page.redactionBoxes = boxes
        return page
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ b: UInt8) { bytes.append(b) }

        mutating func int(_ v: Int) {
            withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func double(_ v: Double) {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func box(_ b: Box) {
            double(b.x0)
            double(b.y0)
            double(b.x1)
            double(b.y1)
        }
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        var at = 0

        init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

        var atEnd: Bool { at == raw.count }

        mutating func take(_ n: Int) throws(StoredPageError) -> UnsafeRawBufferPointer {
            guard n >= 0, n <= raw.count - at else { throw StoredPageError() }
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)])
        }

        mutating func byte() throws(StoredPageError) -> UInt8 { try take(1)[0] }

        mutating func int() throws(StoredPageError) -> Int {
            Int(Int64(littleEndian: try take(8).loadUnaligned(as: Int64.self)))
        }

        /// A count of items that follow; each takes at least one byte, so a damaged count
        /// cannot reserve more than the record holds.
        mutating func count() throws(StoredPageError) -> Int {
            let n = try int()
            guard n >= 0, n <= raw.count - at else { throw StoredPageError() }
            return n
        }

        mutating func double() throws(StoredPageError) -> Double {
            Double(bitPattern: UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)))
        }

        mutating func string() throws(StoredPageError) -> String {
            let n = try count()
            return String(decoding: try take(n), as: UTF8.self)
        }

        mutating func box() throws(StoredPageError) -> Box {
            Box(x0: try double(), y0: try double(), x1: try double(), y1: try double())
        }
    }
}

/// A stored page that is not a complete record of this layout.
public struct StoredPageError: Error, CustomStringConvertible {
    public var description: String { "a stored page is damaged or from another version of foiapipe" }
}
