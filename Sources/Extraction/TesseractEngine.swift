import CTesseract
import FoiaCore
import Foundation

/// One tesseract engine, owned by one worker for the whole run.
///
/// Loading the language model costs a few hundred milliseconds, so engines are reused
/// page after page; they are not thread-safe, hence not `Sendable`.
final class TesseractEngine {
    private let api: OpaquePointer

    /// A recognised word, in the pixel coordinates of the image that was read.
    struct PixelWord {
        var text: String
        var left: Int
        var top: Int
        var right: Int
        var bottom: Int
        var confidence: Double
        /// Index of the tesseract text line the word belongs to.
        var line: Int
    }

    /// An engine for orientation and script detection only (the `osd` model).
    static func orientationDetector() -> TesseractEngine? {
        // The osd model exists only for the legacy engine.
        try? TesseractEngine(language: "osd", mode: PSM_OSD_ONLY, engineMode: OEM_TESSERACT_ONLY)
    }

    init(language: String, mode: TessPageSegMode = PSM_AUTO, engineMode: TessOcrEngineMode = OEM_DEFAULT)
        throws(DocumentError)
    {
        guard let api = TessBaseAPICreate() else {
            throw DocumentError(.ocrFailed, stage: .extract, "cannot create a tesseract engine")
        }
        if TessBaseAPIInit2(api, nil, language, engineMode) != 0 {
            TessBaseAPIDelete(api)
            throw DocumentError(
                .ocrFailed, stage: .extract,
                "tesseract cannot load language '\(language)'; install tesseract-ocr-\(language) (scripts/setup)")
        }
        TessBaseAPISetPageSegMode(api, mode)
        // Tesseract reports progress ("Detected 75 diacritics") on stderr; keep the run quiet.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Recognises a grayscale image; returns words with their line index.
    func recognize(_ image: GrayImage) -> [PixelWord]? {
        recognizeWithOrientation(image)?.words
    }

    /// Recognises a grayscale image; also returns the clockwise turn (0, 90, 180, 270) that
    /// would make the first text block upright, as tesseract's layout analysis found it.
    ///
    /// Tesseract reads text turned by 90° in place (it finds vertical lines), so such pages
    /// come back readable but with word boxes in the turned frame.
    func recognizeWithOrientation(_ image: GrayImage) -> (words: [PixelWord], uprightTurn: Int)? {
        image.pixels.withUnsafeBufferPointer { buf in
            TessBaseAPISetImage(
                api, buf.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(api, Int32(image.dpi))
        // The worker may run on another thread than last time; the setting is per thread.
        OpenMP.keepToThisThread()
        guard TessBaseAPIRecognize(api, nil) == 0 else {
            TessBaseAPIClear(api)
            return nil
        }
        defer { TessBaseAPIClear(api) }
        guard let it = TessBaseAPIGetIterator(api) else { return ([], 0) }
        defer { TessResultIteratorDelete(it) }
        let pit = TessResultIteratorGetPageIterator(it)
        var orientation = ORIENTATION_PAGE_UP
        var direction = WRITING_DIRECTION_LEFT_TO_RIGHT
        var order = TEXTLINE_ORDER_TOP_TO_BOTTOM
        var deskew: Float = 0
        TessPageIteratorOrientation(pit, &orientation, &direction, &order, &deskew)
        let turn: Int
        switch orientation {
        case ORIENTATION_PAGE_RIGHT: turn = 270
        case ORIENTATION_PAGE_DOWN: turn = 180
        case ORIENTATION_PAGE_LEFT: turn = 90
        default: turn = 0
        }
        var words: [PixelWord] = []
        var line = 0
        repeat {
            if TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE) != 0, !words.isEmpty { line += 1 }
            guard let cText = TessResultIteratorGetUTF8Text(it, RIL_WORD) else { continue }
            let text = String(cString: cText)
            TessDeleteText(cText)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            var l: Int32 = 0
            var t: Int32 = 0
            var r: Int32 = 0
            var b: Int32 = 0
            TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &t, &r, &b)
            let conf = Double(TessResultIteratorConfidence(it, RIL_WORD))
            words.append(
                PixelWord(
                    text: trimmed, left: Int(l), top: Int(t), right: Int(r), bottom: Int(b), confidence: conf,
                    line: line))
        } while TessPageIteratorNext(pit, RIL_WORD) != 0
        return (words, turn)
    }

    /// The clockwise rotation of the image's text (0, 90, 180, 270) per tesseract's OSD, or nil.
    func detectOrientation(_ image: GrayImage) -> (degrees: Int, confidence: Double)? {
        image.pixels.withUnsafeBufferPointer { buf in
            TessBaseAPISetImage(
                api, buf.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(api, Int32(image.dpi))
        defer { TessBaseAPIClear(api) }
        var deg: Int32 = 0
        var conf: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConf: Float = 0
        OpenMP.keepToThisThread()
        guard TessBaseAPIDetectOrientationScript(api, &deg, &conf, &script, &scriptConf) != 0 else { return nil }
        return (Int(deg), Double(conf))
    }
}
