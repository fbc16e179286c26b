import Extraction
import FoiaCore
import Foundation
import Output
import Rules
import Synchronization

/// Runs only the extraction stage and writes `OUT/private/pages.jsonl` and `OUT/errors.jsonl`.
///
/// What `foiapipe extract` runs, so `scripts/bench` can measure extraction on its own (text
/// layer, word boxes, OCR decision, existing-redaction box search, page records) against
/// `pdftotext`, which does the same library work; a whole-run figure hides whether extraction
/// itself is fast enough. Both files are written atomically: on a write error neither appears.
public enum ExtractionOnly {
    public struct Summary: Sendable {
        public var pages = 0
        /// Documents that failed, or had a page that failed.
        public var failedDocuments = 0
    }

    public static func run(
        _ documents: [InputDocument], out: String, config: ExtractionConfig, jobs: Int, childExecutable: String? = nil
    ) throws -> Summary {
        let wordList = try WordList.load(path: config.dictionary)
        try PrivateFolder.lock(out + "/private")
        let pagesFile = try AtomicFile(path: out + "/private/pages.jsonl")
        let errorsFile = try AtomicFile(path: out + "/errors.jsonl")
        // The ordered sink is never called concurrently, so these need no lock; the Mutex
        // only satisfies Sendable.
        let state = Mutex((summary: Summary(), writeError: String?.none))
        let files = UncheckedFiles(pages: pagesFile, errors: errorsFile)
        Extractor(config: config, jobs: jobs, wordList: wordList, childExecutable: childExecutable).run(
            documents,
            prepare: { doc in
                (doc, doc.pages.map { PageRecord.json(document: doc, page: $0) })
            }
        ) { prepared in
            let (doc, lines) = prepared
            do {
                if let failure = doc.failure {
                    try files.errors.writeLine(PageRecord.errorJSON(path: doc.input.relativePath, error: failure))
                }
                for error in doc.errors {
                    try files.errors.writeLine(PageRecord.errorJSON(path: doc.input.relativePath, error: error))
                }
                for line in lines { try files.pages.writeLine(line) }
            } catch {
                state.withLock { $0.writeError = "\(error)" }
            }
            state.withLock { s in
                s.summary.pages += doc.pages.count
                if doc.failure != nil || !doc.errors.isEmpty { s.summary.failedDocuments += 1 }
            }
        }
        let s = state.withLock { $0 }
        if let message = s.writeError {
            pagesFile.discard()
            errorsFile.discard()
            throw ExtractionOnlyError(description: "cannot write output: \(message)")
        }
        try pagesFile.commit()
        try errorsFile.commit()
        return s.summary
    }
}

/// The output of an extraction-only run could not be written.
public struct ExtractionOnlyError: Error, CustomStringConvertible {
    public var description: String
}

/// The output files, shared with the extractor's ordered sink, which never runs concurrently.
private final class UncheckedFiles: @unchecked Sendable {
    let pages: AtomicFile
    let errors: AtomicFile

    init(pages: AtomicFile, errors: AtomicFile) {
        self.pages = pages
        self.errors = errors
    }
}
