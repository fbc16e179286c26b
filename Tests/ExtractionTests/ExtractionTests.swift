import Extraction
import FoiaCore
import FoiaTestSupport
import Foundation
import Rules
import Testing

/// One extractor for the suite: loading the word list is the slow part.
let sharedWordList: WordList = (try? WordList.load(path: ExtractionConfig().dictionary)) ?? WordList(words: [])

func extract(_ name: String, ocr: OCRPolicy = .auto, jobs: Int = 2) -> ExtractedDocument {
    var config = ExtractionConfig()
    config.ocr = ocr
    let extractor = Extractor(config: config, jobs: jobs, wordList: sharedWordList)
    let input = InputDocument(path: Fixtures.path(name), relativePath: name)
    return extractor.extractAll([input])[0]
}

@Suite struct TextLayerTests {
    @Test func textLayerWordsMatchThePrintedText() throws {
        let doc = extract("text_layer_email.pdf")
        #expect(doc.failure == nil)
        #expect(doc.pages.count == 2)
        let truth = try Fixtures.truth("text_layer_email.pdf").components(separatedBy: "\u{0C}")
        for (page, expected) in zip(doc.pages, truth) {
            #expect(page.source == .text)
            #expect(wordErrorRate(reference: expected, hypothesis: page.text) == 0, "page \(page.number)")
        }
    }

    @Test func wordBoxesAreOnThePageInPoints() throws {
        let doc = extract("text_layer_email.pdf")
        let page = try #require(doc.pages.first)
        #expect(abs(page.width - 612) < 1 && abs(page.height - 792) < 1)
        for w in page.words {
            #expect(w.box.x0 >= 0 && w.box.x1 <= page.width && w.box.y0 >= 0 && w.box.y1 <= page.height)
            #expect(w.box.width > 0 && w.box.height > 4 && w.box.height < 40, "\(w.text) \(w.box)")
        }
        // Reading order is top to bottom: the first line is above the last.
        let first = try #require(page.words.first)
        let last = try #require(page.words.last)
        #expect(first.box.y0 < last.box.y0)
    }

    @Test func headerLabelsStayOnTheLineOfTheirValues() throws {
        let doc = extract("text_layer_email.pdf")
        let lines = (doc.pages.first?.text ?? "").split(separator: "\n")
        let from = try #require(lines.first { $0.hasPrefix("From:") })
        #expect(from.count > "From:".count + 3, "value on the same line as the label: \(from)")
        #expect(lines.contains { $0.hasPrefix("Subject:") && $0.count > 10 })
    }

    @Test func rotatedPageReadsUprightWithDisplayedSize() throws {
        let doc = extract("rotated_page_text.pdf")
        let page = try #require(doc.pages.first)
        #expect(page.source == .text)
        #expect(page.width > page.height, "a /Rotate 90 portrait page is displayed landscape")
        let truth = try Fixtures.truth("rotated_page_text.pdf")
        #expect(wordErrorRate(reference: truth, hypothesis: page.text) == 0)
    }
}

@Suite struct OCRDecisionTests {
    @Test(arguments: [
        ("text_layer_email.pdf", PageSource.text, "reads well"),
        ("scanned_no_text_layer.pdf", .ocr, "no text layer"),
        ("scanned_with_bates_stamp.pdf", .ocr, "stamp"),
        ("scanned_with_poor_ocr_layer.pdf", .ocr, "earlier OCR layer"),
        ("scanned_with_good_ocr_layer.pdf", .text, "reads well"),
        ("glyph_garbage_text.pdf", .ocr, "unreadable"),
    ])
    func ocrIsChosenExactlyWhereNeeded(name: String, source: PageSource, reason: String) throws {
        let doc = extract(name)
        #expect(doc.failure == nil)
        let page = try #require(doc.pages.first)
        #expect(page.source == source, "\(name): \(page.decision.reason)")
        #expect(page.decision.reason.contains(reason), "\(name): \(page.decision.reason)")
    }

    @Test func mixedFileDecidesPerPage() throws {
        let doc = extract("mixed_text_and_scan.pdf")
        #expect(doc.pages.map(\.source) == [.text, .ocr])
    }

    @Test func pipelineCanForceOrForbidOCR() throws {
        let forced = extract("text_layer_email.pdf", ocr: .always)
        #expect(forced.pages.allSatisfy { $0.source == .ocr })
        let forbidden = extract("scanned_no_text_layer.pdf", ocr: .never)
        #expect(forbidden.pages.allSatisfy { $0.source == .text && $0.words.isEmpty })
    }

    @Test func deciderReasonsAreTheDocumentedOnes() {
        let decider = OCRDecider(policy: .auto, minDictionaryRatio: 0.5)
        let empty = TextQuality(text: "", wordList: sharedWordList)
        #expect(decider.decide(quality: empty) { 0 }.action == .ocr)
        let garbage = TextQuality(text: String(repeating: "\u{E001}\u{E002}\u{E003} ", count: 50), wordList: sharedWordList)
        #expect(decider.decide(quality: garbage) { 0 }.reason.contains("private-use"))
        let prose = TextQuality(
            text: String(repeating: "The officer wrote to the agency about the meeting on Monday. ", count: 12),
            wordList: sharedWordList)
        #expect(decider.decide(quality: prose) { Issue.record("image check not needed"); return 1 }.action == .useTextLayer)
        // A court's ECF header, a banner and an exhibit footer (cbp-custody-… in shared/realdocs:
        // 142 characters of real words) printed over a full-page scan of a declaration.
        let header = TextQuality(
            text: """
                Case 2:85-cv-04544-DMG-AGR Document 569-12 Filed 06/03/19 Page 2 of 19 Page ID
                REDACTED VERSION OF DOCUMENT PROPOSED TO BE FILED UNDER SEAL Exhibit 62 Page 1
                """, wordList: sharedWordList)
        #expect(decider.decide(quality: header) { 1 }.action == .ocr)
        #expect(decider.decide(quality: header) { 0 }.action == .useTextLayer)
    }
}

@Suite struct OCRTests {
    @Test func scannedPageWordErrorRateIsAtMostFivePercent() throws {
        let doc = extract("scanned_no_text_layer.pdf")
        let page = try #require(doc.pages.first)
        #expect(page.source == .ocr)
        let truth = try Fixtures.truth("scanned_no_text_layer.pdf")
        let wer = wordErrorRate(reference: truth, hypothesis: page.text)
        #expect(wer <= 0.05, "WER \(wer)")
        #expect(page.confidence > 70)
        #expect(page.words.allSatisfy { $0.confidence >= 0 && $0.confidence <= 100 })
    }

    @Test func ocrWordBoxesLandWhereTheWordsArePrinted() throws {
        let ocr = extract("mixed_text_and_scan.pdf")
        let page = try #require(ocr.pages.last)
        #expect(page.source == .ocr)
        for w in page.words {
            #expect(w.box.x0 >= 0 && w.box.x1 <= page.width + 1 && w.box.y1 <= page.height + 1)
        }
        // Lines run top to bottom in reading order.
        let ys = page.words.filter(\.endsLine).map(\.box.y0)
        #expect(ys == ys.sorted() || zip(ys, ys.dropFirst()).filter { $0 > $1 + 5 }.isEmpty)
    }

    @Test(arguments: [("scanned_rotated_90.pdf", 90), ("scanned_rotated_180.pdf", 180)])
    func turnedScansAreReadUpright(name: String, degrees: Int) throws {
        let doc = extract(name)
        let page = try #require(doc.pages.first)
        #expect(page.source == .ocr)
        #expect(page.scanRotation != 0)
        let truth = try Fixtures.truth(name)
        let wer = wordErrorRate(reference: truth, hypothesis: page.text)
        #expect(wer <= 0.1, "\(name): WER \(wer), rotation \(page.scanRotation)")
    }

    @Test func outputIsTheSameWithOneOrTwoWorkers() throws {
        let one = extract("mixed_text_and_scan.pdf", jobs: 1)
        let two = extract("mixed_text_and_scan.pdf", jobs: 2)
        #expect(one.pages.map(\.text) == two.pages.map(\.text))
    }
}

@Suite struct BadInputTests {
    @Test(arguments: [
        ("not_a_pdf.pdf", DocumentError.Code.notPDF, "not a PDF"),
        ("empty.pdf", .empty, "empty"),
        ("truncated.pdf", .damaged, "truncated"),
        ("corrupt_xref.pdf", .damaged, "damaged"),
        ("encrypted.pdf", .encrypted, "encrypted"),
    ])
    func badFilesFailWithAClearMessage(name: String, code: DocumentError.Code, words: String) throws {
        let doc = extract(name)
        let failure = try #require(doc.failure, "\(name) should fail")
        #expect(failure.code == code, "\(name): \(failure)")
        #expect(failure.stage == .extract)
        #expect(failure.description.contains(words), "\(name): \(failure)")
        #expect(!failure.description.contains("\n"))
    }

    @Test func aPageThatFailsIsNamedAndTheRestIsRead() throws {
        let doc = extract("render_fails.pdf")
        #expect(doc.failure == nil)
        let error = try #require(doc.errors.first, "the broken page is reported")
        #expect(error.code == .pageFailed)
        #expect(error.description.contains("page"))
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        var config = ExtractionConfig()
        config.ocr = .never
        let extractor = Extractor(config: config, jobs: 2, wordList: sharedWordList)
        let names = ["empty.pdf", "text_layer_email.pdf", "not_a_pdf.pdf", "rotated_page_text.pdf"]
        let docs = extractor.extractAll(names.map { InputDocument(path: Fixtures.path($0), relativePath: $0) })
        #expect(docs.map(\.input.relativePath) == names)
        #expect(docs.map { $0.failure == nil } == [false, true, false, true])
        #expect(docs[1].pages.count == 2)
    }
}

@Suite struct WordListTests {
    /// The byte-level loader must give the set the Character-level one gave.
    @Test func byteLoaderMatchesStringLoader() throws {
        let path = ExtractionConfig().dictionary
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var expected = Set<String>()
        for line in text.split(separator: "\n") where !line.hasSuffix("'s") { expected.insert(line.lowercased()) }
        #expect(sharedWordList.count == expected.count)
        #expect(expected.allSatisfy { sharedWordList.contains($0) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(getpid()).txt")
        try "Zoë\nZOË's\nO'Neil\nA's\nBs\n\nÉCOLE\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let small = try WordList.load(path: file.path)
        #expect(small.count == 4)
        for w in ["zoë", "o'neil", "bs", "école"] { #expect(small.contains(w), "\(w)") }
        #expect(!small.contains("a's"))
        // hasSuffix("'s") is checked before lower-casing, as before: "ZOË's" is dropped, "A's" too.
        #expect(!small.contains("zoë's"))
    }

    /// Lookups answer as a `Set<String>` of the same words does: case kept as given, and String
    /// equality (canonical equivalence), also between ASCII and non-ASCII spellings.
    @Test func lookupsAreTheSetsLookups() {
        let words: Set<String> = ["Hello", "ok", "\u{212A}ing", "cafe\u{301}", "na\u{EF}ve", "", String(repeating: "x", count: 300)]
        let list = WordList(words: words)
        #expect(list.count == words.count)
        let queries = [
            "Hello", "hello", "ok", "OK", "King", "\u{212A}ing", "caf\u{E9}", "cafe\u{301}", "cafe", "nai\u{308}ve",
            "naive", "", "x", String(repeating: "x", count: 300), String(repeating: "x", count: 299),
        ]
        for q in queries { #expect(list.contains(q) == words.contains(q), "\(q.debugDescription)") }
    }
}

@Suite struct TextQualityTests {
    /// The byte path must give the Character-level measures, including the cases it hands over.
    @Test func bytePathMatchesCharacterLevel() {
        let texts = [
            "", "   ", "The officer wrote to the agency.\nSee § 12 – and — the rest",
            "O'Neil's car, the (b)(6) box; 7(1)(b)\tline\u{0B}feed\u{0C}x",
            "e\u{301}cole caf\u{E9} na\u{EF}ve word", "space then combining \u{301}mark", "joiner \u{200D} here",
            "crlf\r\nline", "prepend \u{0600} x", "\u{0600} lead", "controls \u{01}\u{7F} and \u{FFFD} and \u{E001}",
            "nbsp\u{A0}inside and\u{2003}em space", "emoji 👍🏽 ok", "'s 'ss abc's ABC'S",
        ]
        for t in texts {
            #expect(TextQuality(text: t, wordList: sharedWordList) == TextQuality(characterLevel: t, wordList: sharedWordList), "\(t.debugDescription)")
        }
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", "Z", " ", " ", "\n", "\t", "'", "s", "-", "§", "–", "\u{301}", "\u{0B}", "é", "1", "(", ")"]
        for _ in 0..<2000 {
            let t = String((0..<Int.random(in: 0..<40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            #expect(TextQuality(text: t, wordList: sharedWordList) == TextQuality(characterLevel: t, wordList: sharedWordList), "\(t.debugDescription)")
        }
    }
}

@Suite struct TextPageRedactionBoxTests {
    /// The boxes found on the sample release's text pages that print exemption codes, as the
    /// search found them when it rendered gray strips (pages.jsonl precision, 0.1 pt): the
    /// search on dark-pixel masks, and the scheduling of pages over workers, must keep them.
    @Test(arguments: [1, 2])
    func boxesOnTextPagesAreTheOnesFoundBefore(jobs: Int) throws {
        var config = ExtractionConfig()
        config.ocr = .never  // its scanned pages are not the point here, and OCR is slow
        let name = "ice-foia-2019-ICFO-18233.pdf"
        let input = InputDocument(
            path: Fixtures.repositoryRoot.appendingPathComponent("SampleDocs/" + name).path, relativePath: name)
        let doc = Extractor(config: config, jobs: jobs, wordList: sharedWordList).extractAll([input])[0]
        #expect(doc.failure == nil)
        let expected: [Int: [[Double]]] = [
            2: [[72, 495.4, 185.8, 509], [72, 526.3, 144, 539.3], [72, 587.5, 324, 601.2], [438.5, 587.5, 480.2, 601.2],
                [72, 618.5, 185.8, 631.4]],
            4: [[72, 258.5, 185.8, 271.4], [72, 288.7, 144, 302.4], [72, 334.8, 180, 348.5], [282.2, 334.8, 360, 348.5],
                [425.5, 334.8, 497.5, 348.5], [410.4, 350.6, 452.2, 363.6], [72, 380.9, 185.8, 394.6]],
        ]
        for (number, boxes) in expected {
            let page = try #require(doc.pages.first { $0.number == number })
            let got = page.redactionBoxes.map { b in [b.x0, b.y0, b.x1, b.y1].map { ($0 * 10).rounded() / 10 } }
            #expect(got == boxes, "page \(number)")
        }
    }
}
