import ArgumentParser
import Batch
import FoiaCore
import Foundation
import Rules

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
        let s: ExtractionOnly.Summary
        do {
            s = try ExtractionOnly.run(
                documents, out: out, config: config.extraction, jobs: options.workers,
                childExecutable: ExtractWorker.executable)
        } catch let error as ExtractionOnlyError {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        if !options.quiet {
            let seconds = Date().timeIntervalSince(start)
            FileHandle.standardError.write(
                Data(
                    (String(
                        format: "foiapipe extract: %d pages in %.2f s (%.1f pages/s); %d failed documents\n", s.pages,
                        seconds, seconds > 0 ? Double(s.pages) / seconds : 0, s.failedDocuments)).utf8))
        }
        if s.failedDocuments > 0 { throw ExitCode(Status.someFailed) }
    }
}
