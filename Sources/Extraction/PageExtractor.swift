import FoiaCore
import Poppler
import Rules

/// What one worker owns: its tesseract engine, made on first use, and the settings.
///
/// Not `Sendable`: each worker thread makes its own and never shares it.
final class WorkerContext {
    let config: ExtractionConfig
    let decider: OCRDecider
    let wordList: WordList
    private var engine: TesseractEngine?
    private var osdEngine: TesseractEngine??
    private var openDocument: (path: String, doc: PopplerDocument)?

    init(config: ExtractionConfig, wordList: WordList) {
        self.config = config
        self.wordList = wordList
        decider = OCRDecider(policy: config.ocr, minDictionaryRatio: config.minDictionaryRatio)
    }

    func tesseract() throws(DocumentError) -> TesseractEngine {
        if let engine { return engine }
        let e = try TesseractEngine(language: config.language)
        engine = e
        return e
    }

    /// The orientation detector, made on first use; nil when the `osd` model is missing.
    func orientationDetector() -> TesseractEngine? {
        if let osdEngine { return osdEngine }
        let e = TesseractEngine.orientationDetector()
        osdEngine = .some(e)
        return e
    }

    /// The worker's handle on a document, reopened only when the worker moves to another file.
    func document(at path: String) throws(DocumentError) -> PopplerDocument {
        if let open = openDocument, open.path == path { return open.doc }
        openDocument = nil
        let doc = try PopplerDocument(path: path)
        openDocument = (path, doc)
        return doc
    }
}

/// Extracts one page: reads its text layer, decides, and OCRs when needed.
enum PageExtractor {
    static func extract(document: PopplerDocument, number: Int, context: WorkerContext) throws(DocumentError)
        -> PageText
    {
        guard let page = document.page(number) else {
            throw DocumentError(.pageFailed, stage: .extract, "page \(number) cannot be parsed; it is left out")
        }
        let (width, height) = page.size
        let layerWords =
            context.config.ocr == .always ? [] : LineLayout.readingOrder(LineLayout.lines(TextLayerReader.words(of: page)))
        let layerText = PageText.joinedText(layerWords)
        let quality = TextQuality(text: layerText, wordList: context.wordList)
        let decision = context.decider.decide(quality: quality) {
            page.imageCoverage
        }
        if decision.action == .useTextLayer {
            var text = PageText(
                number: number, width: width, height: height, source: .text, decision: decision,
                confidence: layerWords.isEmpty ? 0 : 100, text: layerText, words: layerWords)
            // Rendering costs more than reading the text, so only pages that print an
            // exemption code are searched for the boxes it labels.
            if context.config.findRedactionBoxes, ExemptionCodes.find(in: layerText).count > 0,
                let g = PageRenderer.geometry(page, dpi: RedactionBoxFinder.dpi, maxPixels: context.config.maxRenderPixels)
            {
                // Boxes carry their code or have it beside them, so only bands around the lines
                // that print one are rendered and searched.
                let bands = layerWords.filter { ExemptionCodes.mayBeCode($0.text) }.map {
                    ($0.box.y0 - RedactionBoxFinder.bandMargin)...($0.box.y1 + RedactionBoxFinder.bandMargin)
                }
                let imageDPI = Int(g.dpi.rounded())
                let rows = bands.isEmpty ? [0..<g.height] : RedactionBoxFinder.pixelRows(bands, dpi: imageDPI, height: g.height)
                if let strips = PageRenderer.darkRows(
                    page, dpi: g.dpi, width: g.width, rows: rows, threshold: RedactionBoxFinder.darkBelow)
                {
                    text.redactionBoxes =
                        bands.isEmpty
                        ? strips.flatMap {
                            RedactionBoxFinder.boxes(
                                dark: $0.mask, g.width, $0.mask.count / g.width, cell: 72 / Double(imageDPI))
                        }
                        : RedactionBoxFinder.boxes(inMasks: strips, width: g.width, dpi: imageDPI)
                }
            }
            return text
        }
        guard let image = PageRenderer.render(page, dpi: context.config.dpi, maxPixels: context.config.maxRenderPixels)
        else {
            throw DocumentError(
                .pageFailed, stage: .extract, "page \(number) cannot be rendered for OCR; it is left out")
        }
        let engine = try context.tesseract()
        let reading = try recognizeUpright(image, engine: engine, context: context, page: number)
        let pageWords = LineLayout.pageWords(
            reading.words, dpi: image.dpi, rotation: reading.imageTurn, width: image.width, height: image.height,
            mergeRows: reading.textTurn == 0)
        let confidence =
            pageWords.isEmpty ? 0 : pageWords.reduce(0) { $0 + $1.confidence } / Double(pageWords.count)
        var text = PageText(
            number: number, width: width, height: height, source: .ocr, decision: decision,
            confidence: (confidence * 10).rounded() / 10, text: PageText.joinedText(pageWords), words: pageWords,
            scanRotation: reading.imageTurn != 0 ? reading.imageTurn : reading.textTurn)
        if context.config.findRedactionBoxes { text.redactionBoxes = RedactionBoxFinder.boxes(in: image) }
        return text
    }

    /// What OCR read, and how the scan was turned.
    struct Reading {
        var words: [TesseractEngine.PixelWord]
        /// Clockwise turn applied to the image before reading (boxes are in the turned frame).
        var imageTurn: Int
        /// Turn tesseract found the text needed and handled itself (boxes in the image frame).
        var textTurn: Int
    }

    /// OCRs the image; when the result reads poorly, asks tesseract's orientation detection
    /// whether the scan is turned and reads it again upright, keeping the better reading.
    static func recognizeUpright(_ image: GrayImage, engine: TesseractEngine, context: WorkerContext, page: Int)
        throws(DocumentError) -> Reading
    {
        let wordList = context.wordList
        guard let first = engine.recognizeWithOrientation(image) else {
            throw DocumentError(.ocrFailed, stage: .extract, "tesseract failed on page \(page)")
        }
        let firstReading = Reading(words: first.words, imageTurn: 0, textTurn: first.uprightTurn)
        let firstScore = readingScore(first.words, wordList: wordList)
        let vertical = isMostlyVertical(first.words)
        if firstScore.ratio >= 0.7 && firstScore.known >= 5 && !vertical { return firstReading }
        guard let osd = context.orientationDetector()?.detectOrientation(image), osd.degrees != 0 else {
            return firstReading
        }
        let turn = (360 - osd.degrees) % 360
        guard let second = engine.recognize(image.rotated(clockwise: turn)) else { return firstReading }
        let secondScore = readingScore(second, wordList: wordList)
        // Lines read sideways are as readable as upright ones but out of order: prefer the
        // upright reading unless it reads clearly worse.
        let better = vertical ? Double(secondScore.known) >= 0.8 * Double(firstScore.known) : secondScore.known > firstScore.known
        return better ? Reading(words: second, imageTurn: turn, textTurn: 0) : firstReading
    }

    /// True when most lines run up or down the image: tesseract reads a scan turned by 90°
    /// that way, but its line order and boxes are then those of the turned page.
    static func isMostlyVertical(_ words: [TesseractEngine.PixelWord]) -> Bool {
        var boxes: [Int: (l: Int, t: Int, r: Int, b: Int, n: Int)] = [:]
        for w in words {
            let old = boxes[w.line] ?? (w.left, w.top, w.right, w.bottom, 0)
            boxes[w.line] = (min(old.l, w.left), min(old.t, w.top), max(old.r, w.right), max(old.b, w.bottom), old.n + 1)
        }
        let multi = boxes.values.filter { $0.n >= 3 }
        guard !multi.isEmpty else { return false }
        let vertical = multi.filter { ($0.b - $0.t) > 2 * ($0.r - $0.l) }.count
        return vertical * 2 >= multi.count
    }

    static func readingScore(_ words: [TesseractEngine.PixelWord], wordList: WordList) -> (known: Int, ratio: Double) {
        let q = TextQuality(text: words.map(\.text).joined(separator: " "), wordList: wordList)
        return (Int(Double(q.wordTokens) * q.dictionaryRatio), q.dictionaryRatio)
    }
}
