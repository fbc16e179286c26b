import FoiaCore
import Rules

/// What one worker owns: its tesseract engine, made on first use, and the settings.
///
/// Not `Sendable`: each worker thread makes its own and never shares it.
final class WorkerContext {
    let config: ExtractionConfig
    let decider: OCRDecider
    let wordList: WordList
    private var engine: TesseractEngine?
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
            TextLayerReader.imageCoverage(of: page, width: width, height: height)
        }
        if decision.action == .useTextLayer {
            return PageText(
                number: number, width: width, height: height, source: .text, decision: decision,
                confidence: layerWords.isEmpty ? 0 : 100, text: layerText, words: layerWords)
        }
        guard let image = PageRenderer.render(page, dpi: context.config.dpi, maxPixels: context.config.maxRenderPixels)
        else {
            throw DocumentError(
                .pageFailed, stage: .extract, "page \(number) cannot be rendered for OCR; it is left out")
        }
        let engine = try context.tesseract()
        let (words, rotation) = try recognizeUpright(image, engine: engine, wordList: context.wordList, page: number)
        let pageWords = LineLayout.pageWords(
            words, dpi: image.dpi, rotation: rotation, width: image.width, height: image.height)
        let confidence =
            pageWords.isEmpty ? 0 : pageWords.reduce(0) { $0 + $1.confidence } / Double(pageWords.count)
        return PageText(
            number: number, width: width, height: height, source: .ocr, decision: decision,
            confidence: (confidence * 10).rounded() / 10, text: PageText.joinedText(pageWords), words: pageWords,
            scanRotation: rotation)
    }

    /// OCRs the image; when the result reads poorly, asks tesseract's orientation detection
    /// whether the scan is turned and reads it again upright, keeping the better reading.
    static func recognizeUpright(_ image: GrayImage, engine: TesseractEngine, wordList: WordList, page: Int)
        throws(DocumentError) -> ([TesseractEngine.PixelWord], Int)
    {
        guard let first = engine.recognize(image) else {
            throw DocumentError(.ocrFailed, stage: .extract, "tesseract failed on page \(page)")
        }
        let firstScore = readingScore(first, wordList: wordList)
        if firstScore.ratio >= 0.7 && firstScore.known >= 5 { return (first, 0) }
        guard let osd = engine.detectOrientation(image), osd.degrees != 0 else { return (first, 0) }
        let turn = (360 - osd.degrees) % 360
        guard let second = engine.recognize(image.rotated(clockwise: turn)) else { return (first, 0) }
        let secondScore = readingScore(second, wordList: wordList)
        return secondScore.known > firstScore.known ? (second, turn) : (first, 0)
    }

    static func readingScore(_ words: [TesseractEngine.PixelWord], wordList: WordList) -> (known: Int, ratio: Double) {
        let q = TextQuality(text: words.map(\.text).joined(separator: " "), wordList: wordList)
        return (Int(Double(q.wordTokens) * q.dictionaryRatio), q.dictionaryRatio)
    }
}
