import Extraction
import FoiaCore
import Foundation
import Testing

/// The extractor process hands pages back in `PageCodec`'s binary form: the page that arrives
/// must be the page that was read, to the bit, or `pages.jsonl` would depend on `--jobs`.
@Suite struct PageCodecTests {
    func json(_ page: PageText) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(page), as: UTF8.self)
    }

    @Test func aPageComesBackExactly() throws {
        var page = PageText(
            number: 7, width: 612.0000001, height: 791.9999, source: .ocr, decision: .ocr("no text layer; scan covers 98%"),
            confidence: 87.3,
            text: "Dear Ms. Müller,\n[b](6) — 0.1 + 0.2",
            words: [
                Word(text: "Dear", box: Box(x0: 0.1 + 0.2, y0: -0.0, x1: 1e-300, y1: 72.5), confidence: 91.25),
                Word(text: "Müller,", box: Box(x0: 10, y0: 20, x1: 30, y1: 40), confidence: 55, endsLine: true),
                Word(text: "", box: Box(x0: .greatestFiniteMagnitude, y0: 0, x1: 0, y1: 0), confidence: 0),
            ], scanRotation: 270)
        page.redactionBoxes = [Box(x0: 1, y0: 2, x1: 3, y1: 4.000000000001)]
        let decoded = try #require(PageCodec.decode(PageCodec.encode(page)))
        #expect(try json(decoded) == json(page))
        #expect(decoded.words[0].box.x0.bitPattern == page.words[0].box.x0.bitPattern)
        #expect(decoded.words[0].box.y0.sign == .minus)
    }

    @Test func aTruncatedOrLongerFrameIsRefused() {
        let bytes = PageCodec.encode(PageText(
            number: 1, width: 1, height: 1, source: .text, decision: .useTextLayer("x"), confidence: 100, text: "a",
            words: [Word(text: "a", box: Box(x0: 0, y0: 0, x1: 1, y1: 1))]))
        #expect(PageCodec.decode(bytes) != nil)
        #expect(PageCodec.decode(Array(bytes.dropLast())) == nil)
        #expect(PageCodec.decode(bytes + [0]) == nil)
    }

    /// A field added to a page must be added to the codec too, or it is lost at the boundary.
    @Test func theCodecCarriesEveryField() {
        let page = PageText(
            number: 1, width: 1, height: 1, source: .text, decision: .useTextLayer("x"), confidence: 100, text: "",
            words: [])
        let fields = { (value: Any) in Mirror(reflecting: value).children.compactMap(\.label).sorted() }
        let message = "PageText or its parts gained or lost a field: update PageCodec in ExtractionChild.swift"
        #expect(
            fields(page) == [
                "confidence", "decision", "height", "number", "redactionBoxes", "scanRotation", "source", "text",
                "width", "words",
            ], "\(message)")
        #expect(fields(Word(text: "", box: Box(x0: 0, y0: 0, x1: 0, y1: 0))) == ["box", "confidence", "endsLine", "text"], "\(message)")
        #expect(fields(OCRDecision.ocr("")) == ["action", "reason"], "\(message)")
        #expect(fields(Box(x0: 0, y0: 0, x1: 0, y1: 0)) == ["x0", "x1", "y0", "y1"], "\(message)")
    }
}
