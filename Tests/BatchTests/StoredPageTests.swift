import Batch
import FoiaCore
import Foundation
import Testing

/// The run store keeps pages in its own binary layout; a resumed run and the redact pass read
/// them back, so a page must come back exactly, and a damaged record must be refused.
@Suite struct StoredPageTests {
    static func ocrPage() -> PageText {
        var page = PageText(
            number: 7, width: 612, height: 792.5, source: .ocr,
            decision: .ocr("text layer of 3 characters over a full-page image"), confidence: 87.4,
            text: "DESIR, JEAN-CLAUDE – DOB 12/7/1984\nKelly O’Brien 🙂",
            words: [
                Word(text: "DESIR,", box: Box(x0: 72, y0: 90.25, x1: 118.5, y1: 101), confidence: 91.5),
                Word(text: "JEAN-CLAUDE", box: Box(x0: 121, y0: 90.25, x1: 190, y1: 101), confidence: 58),
                Word(text: "–", box: Box(x0: 192, y0: 90, x1: 198, y1: 101), confidence: 40),
                Word(text: "DOB", box: Box(x0: 200, y0: 90, x1: 222, y1: 101), confidence: 96),
                Word(text: "12/7/1984", box: Box(x0: 225, y0: 90, x1: 280, y1: 101), confidence: 96, endsLine: true),
                Word(text: "Kelly", box: Box(x0: 72, y0: 104, x1: 100, y1: 115)),
                Word(text: "O’Brien", box: Box(x0: 103, y0: 104, x1: 150, y1: 115)),
                Word(text: "🙂", box: Box(x0: 153, y0: 104, x1: 160, y1: 115)),
            ], scanRotation: 90)
        page.redactionBoxes = [Box(x0: 300, y0: 400, x1: 380, y1: 412.75)]
        return page
    }

    @Test func aPageComesBackExactly() throws {
        let page = Self.ocrPage()
        let back = try StoredPage.decode(StoredPage.encode(page))
        #expect(back.number == page.number)
        #expect(back.width == page.width && back.height == page.height)
        #expect(back.source == .ocr)
        #expect(back.decision == page.decision)
        #expect(back.confidence == page.confidence)
        #expect(back.text == page.text)
        #expect(back.words == page.words)
        #expect(back.scanRotation == 90)
        #expect(back.redactionBoxes == page.redactionBoxes)

        var plain = PageText(
            number: 1, width: 612, height: 792, source: .text, decision: .useTextLayer("reads well"), confidence: 100,
            text: "", words: [])
        plain.redactionBoxes = []
        let plainBack = try StoredPage.decode(StoredPage.encode(plain))
        #expect(plainBack.source == .text && plainBack.decision.action == .useTextLayer && plainBack.words.isEmpty)
    }

    @Test func aDamagedOrForeignRecordIsRefused() {
        let data = StoredPage.encode(Self.ocrPage())
        // Cut anywhere: never a shorter page read as if whole.
        for cut in stride(from: 0, to: data.count, by: 7) {
            #expect(throws: StoredPageError.self) { try StoredPage.decode(data.prefix(cut)) }
        }
        var other = data
        other[other.startIndex] = StoredPage.version &+ 1
        #expect(throws: StoredPageError.self) { try StoredPage.decode(other) }
        // A record of the JSON layout the store used before.
        let json = Data(#"{"number":1,"width":612,"height":792,"source":"text"}"#.utf8)
        #expect(throws: StoredPageError.self) { try StoredPage.decode(json) }
        #expect(throws: StoredPageError.self) { try StoredPage.decode(data + Data([0])) }
    }
}
