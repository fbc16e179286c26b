import ArgumentParser
import Batch
import Extraction
import FoiaCore
import Foundation
import Output
import Rules
import Synchronization

/// Runs only the extraction stage and writes `DIR/private/pages.jsonl` (and `DIR/errors.jsonl`).
///
/// Hidden: it exists so `scripts/bench` can measure extraction on its own (text layer, word
/// boxes, OCR decision, existing-redaction box search, page records) against `pdftotext`,
/// which does the same library work. `foiapipe run` adds segmentation and classification on
/// top, and a whole-run figure hides whether extraction itself is fast enough.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract pages only (private/pages.jsonl); for benchmarking.", shouldDisplay: false)

    @Argument(help: "PDF files or folders.")
    var inputs: [String]

    @OptionGroup var options: OutputOptions

    func run() throws {
        let start = Date()
        let out = options.out
        let config = try LoadedPipeline.config(options.pipelinePath)
        let documents: [InputDocument]
        do {
            documents = try InputWalker.find(inputs, output: out).documents
        } catch {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        let wordList = try WordList.load(path: config.extraction.dictionary)
        try PrivateFolder.lock(out + "/private")
        let pagesFile = try AtomicFile(path: out + "/private/pages.jsonl")
        let errorsFile = try AtomicFile(path: out + "/errors.jsonl")
        // The ordered sink is never called concurrently, so these need no lock; the Mutex
        // only satisfies Sendable.
        let state = Mutex((pages: 0, failed: 0, writeError: String?.none))
        let files = UncheckedFiles(pages: pagesFile, errors: errorsFile)
        let jobs = options.workers
        Extractor(config: config.extraction, jobs: jobs, wordList: wordList).run(
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
                s.pages += doc.pages.count
                if doc.failure != nil || !doc.errors.isEmpty { s.failed += 1 }
            }
        }
        let s = state.withLock { $0 }
        if let message = s.writeError {
            pagesFile.discard()
            errorsFile.discard()
            throw CommandFailure.usage("foiapipe: cannot write output: \(message)")
        }
        try pagesFile.commit()
        try errorsFile.commit()
        if !options.quiet {
            let seconds = Date().timeIntervalSince(start)
            FileHandle.standardError.write(
                Data(
                    (String(
                        format: "foiapipe extract: %d pages in %.2f s (%.1f pages/s); %d failed documents\n", s.pages,
                        seconds, seconds > 0 ? Double(s.pages) / seconds : 0, s.failed)).utf8))
        }
        if s.failed > 0 { throw ExitCode(Status.someFailed) }
    }
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
