import FoiaCore
import FoiaTestSupport
import Redaction
import Testing

@Suite struct PageTargetsTests {
    /// A page laid out word by word, one line per string, 12 points a line.
    func page(_ lines: [String]) -> PageText {
        var words: [Word] = []
        for (row, line) in lines.enumerated() {
            var x = 72.0
            let parts = line.split(separator: " ")
            for (i, p) in parts.enumerated() {
                let w = Double(p.count) * 6
                words.append(
                    Word(
                        text: String(p), box: Box(x0: x, y0: 72 + Double(row) * 12, x1: x + w, y1: 82 + Double(row) * 12),
                        endsLine: i == parts.count - 1))
                x += w + 4
            }
        }
        return PageText(
            number: 2, width: 612, height: 792, source: .ocr, decision: .ocr("test"), confidence: 90,
            text: PageText.joinedText(words), words: words)
    }

    @Test func boxesCoverTheSameRedactionsAsTheText() throws {
        let p = page([
            "From: Jian Zhang <jian_zhang9 @icloud.com>",
            "Name: ALVAREZ, Jose DOB: 3/4/1985",
            "Sgt. Det. Sean Kelly",
            "Sergeant Detective",
            "Cell: 857-204-1187",
        ])
        let redactor = TestRules.redactor
        let registry = redactor.detect(page: p, roles: TestStructure.roles(of: p))
        let found = redactor.redactions(on: p, roles: TestStructure.roles(of: p), registry: registry)
        let originals = Set(found.map(\.record.original))
        #expect(originals.isSuperset(of: ["Jian Zhang", "jian_zhang9 @icloud.com", "ALVAREZ, Jose", "3/4/1985"]), "\(originals)")
        let boxes = redactor.redactionTargets(for: p, roles: TestStructure.roles(of: p), registry: registry)
        func covered(_ word: String) -> Bool {
            guard let w = p.words.first(where: { $0.text == word }) else {
                Issue.record("no word '\(word)' on the test page")
                return false
            }
            return boxes.contains { $0.intersection(w.box) != nil }
        }
        // The e-mail split in two words by OCR is covered whole, on one box for its line.
        #expect(covered("<jian_zhang9") && covered("@icloud.com>"))
        #expect(covered("ALVAREZ,") && covered("Jose") && covered("3/4/1985"))
        #expect(!covered("Kelly") && !covered("857-204-1187") && !covered("Name:") && !covered("DOB:"))
        let emailBoxes = try #require(found.first { $0.record.type == .email }).boxes
        #expect(emailBoxes.count == 1)
        #expect(found.allSatisfy { $0.record.page == 2 && $0.record.field == "page" })
    }

    /// OCR read the surname of `DESIR, Marie-Carmelle` as noise (`ae.`, 40 %): the noise
    /// beside the name is burned in with it; a sure word beside a name is not.
    @Test func unsureOCRNoiseBesideANameIsBurnedInWithIt() throws {
        var p = page([
            "Name: DESIR, Marie-Carmelle DOB: 3/4/1985",
            "booking at 11:49 this morning for",
            "ae. Marie-Carmelle.",
            "A case against Marie-Carmelle was dismissed.",
        ])
        for i in p.words.indices where p.words[i].text == "ae." { p.words[i].confidence = 40 }
        let redactor = TestRules.redactor
        let boxes = redactor.redactionTargets(for: p, roles: TestStructure.roles(of: p), registry: redactor.detect(page: p, roles: TestStructure.roles(of: p)))
        func covered(_ word: String) -> Bool {
            let w = p.words.first { $0.text == word }!
            return boxes.contains { $0.intersection(w.box) != nil }
        }
        #expect(covered("ae.") && covered("Marie-Carmelle."))
        #expect(!covered("against") && !covered("was") && !covered("for"))
        // On a text-layer page nothing is guessed.
        var text = p
        text.source = .text
        let textBoxes = redactor.redactionTargets(for: text, roles: TestStructure.roles(of: text), registry: redactor.detect(page: text, roles: TestStructure.roles(of: text)))
        let noise = p.words.first { $0.text == "ae." }!
        #expect(!textBoxes.contains { $0.intersection(noise.box) != nil })
    }

    @Test func aWordPartlyRedactedIsCoveredWhole() throws {
        let p = page(["Name: ALVAREZ, Jose", "DOB: 3/4/1985", "Alvarez's lawyer called."])
        let redactor = TestRules.redactor
        let boxes = redactor.redactionTargets(for: p, roles: TestStructure.roles(of: p), registry: redactor.detect(page: p, roles: TestStructure.roles(of: p)))
        let possessive = try #require(p.words.first { $0.text == "Alvarez's" })
        #expect(boxes.contains { $0.intersection(possessive.box) != nil })
        let lawyer = try #require(p.words.first { $0.text == "lawyer" })
        #expect(!boxes.contains { $0.intersection(lawyer.box) != nil })
    }
}
