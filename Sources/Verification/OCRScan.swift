import LeakSearch
import Extraction
import FoiaCore
import Rules
import Synchronization

/// Reads PDFs the way a person would, through OCR of their rendered pages, and searches
/// what it reads.
///
/// This is the check that sees a name burned into a page image or left visible beside a
/// redaction box, which no text layer shows. It goes through `Extractor` with OCR forced on,
/// so verification reads pages exactly as extraction does (same rendering at 300 dpi, same
/// tesseract engine per worker, same handling of turned scans) and runs `jobs` workers.
///
/// `Extractor` works on whole documents, so every page of a PDF that has an image on any
/// page is read, vector pages included (that also catches text drawn as outlines).
struct OCRScan {
    struct PageHits: Sendable {
        var document: Int
        var page: Int
        var hits: [LeakHit]
    }

    var pages: [PageHits] = []
    var pagesRead = 0
    var problems: [Problem] = []

    init(documents: [InputDocument], jobs: Int, matcher: LeakMatcher) {
        guard !documents.isEmpty else { return }
        var config = ExtractionConfig()
        config.ocr = .always
        config.findRedactionBoxes = false
        // Without the word list every reading looks poor and triggers orientation detection:
        // slower, but still correct, so a missing list is no reason to stop.
        let wordList = (try? WordList.load(path: config.dictionary)) ?? WordList(words: [])
        let extractor = Extractor(config: config, jobs: jobs, wordList: wordList)
        let index = Dictionary(documents.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let collected = Mutex<(pages: [PageHits], read: Int, problems: [Problem])>(([], 0, []))
        extractor.run(
            documents,
            prepare: { doc -> (pages: [PageHits], problems: [Problem]) in
                let number = index[doc.input.path] ?? 0
                let file = doc.input.relativePath
                var problems: [Problem] = []
                if let failure = doc.failure {
                    problems.append(Problem(kind: .ocrFailed, file: file, page: nil, detail: failure.message))
                }
                for error in doc.errors {
                    problems.append(Problem(kind: .ocrFailed, file: file, page: nil, detail: error.message))
                }
                let document = PDFCheck.document(of: file)
                let pages = doc.pages.map {
                    PageHits(document: number, page: $0.number, hits: matcher.search($0.text, document: document).hits)
                }
                return (pages, problems)
            },
            sink: { result in
                collected.withLock {
                    $0.pages += result.pages
                    $0.read += result.pages.count
                    $0.problems += result.problems
                }
            })
        (pages, pagesRead, problems) = collected.withLock { $0 }
    }
}
