import ArgumentParser
import FoiaCore
import Foundation
import Output
import Rules
import Segmentation

/// Re-runs segmentation on a stored `private/pages.jsonl`, printing communications.
///
/// For whoever tunes header labels or furniture patterns in the pipeline file: OCR is the
/// slow part of a run, and this skips it.
struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Segment a run's stored pages again (private/pages.jsonl) and print communications.",
        shouldDisplay: false)

    @Argument(help: "A pages.jsonl file written by `foiapipe run`.")
    var pages: String

    @Option(name: .long, help: "Pipeline file (default: Pipelines/default.yaml).")
    var pipeline: String?

    func run() throws {
        let config = try LoadedPipeline.config(pipeline ?? DefaultPipeline.path())
        let segmenter = Segmenter(config: config.segmentation)
        let duplicates = DuplicateIndex()
        for doc in try PagesReader.documents(at: pages) {
            var records = segmenter.segment(doc)
            duplicates.mark(&records)
            for c in records { print(CommunicationRecord.json(c)) }
        }
    }
}
