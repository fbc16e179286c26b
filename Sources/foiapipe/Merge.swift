import ArgumentParser
import Batch
import Classification
import FoiaCore
import Foundation
import Redaction
import Rules

/// `foiapipe merge`: the last step of a run split over machines with `run --shard K/N`.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the folders of `run --shard K/N` runs into one published output folder.",
        discussion: """
            Every shard 1..N must have finished. The shards must have seen the inputs at the same \
            absolute paths (a shared volume): the merge reads the source PDFs again for the \
            redacted copies. public/communications.jsonl and counts.csv equal a single run's.
            """)

    @Argument(help: "The shard output folders.")
    var shards: [String]

    @Option(name: .long, help: "Output folder.")
    var out: String

    @Option(name: .long, help: "Pipeline file (default: Pipelines/default.yaml); must be the shards' pipeline.")
    var pipeline: String?

    @Option(name: .long, help: "Pseudonym key file (default: OUT/private/pseudonym.key, created if absent).")
    var key: String?

    @Option(name: .long, help: "Parallel workers (default: number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "No progress or summary on stderr.")
    var quiet = false

    func run() throws {
        let runner = LoadedPipeline.runner(pipeline: pipeline, jobs: jobs)
        let summary: RunSummary
        do {
            summary = try runner.merge(
                shardDirectories: shards, outputDirectory: out,
                options: RunOptions(keyPath: key, progress: quiet ? nil : ProgressDisplay()))
        } catch {
            LoadedPipeline.fail("foiapipe: \(error)")
        }
        if !quiet { SummaryLine.print(summary, out: out) }
        if summary.failedDocuments > 0 { throw ExitCode(Status.someFailed) }
    }
}

/// The pipeline, classification and PII rules, loaded and checked before anything is written.
enum LoadedPipeline {
    static func runner(pipeline: String?, jobs: Int?) -> BatchRunner {
        let pipelinePath = pipeline ?? DefaultPipeline.path()
        let config: PipelineConfig
        let classification: ClassificationRules
        let piiRules: PIIRules
        do {
            config = try PipelineConfig.load(path: pipelinePath)
        } catch {
            fail("foiapipe: invalid pipeline\n\(error)")
        }
        do {
            classification = try ClassificationRules.load(besidePipeline: pipelinePath)
        } catch {
            fail("foiapipe: invalid classification rules\n\(error)")
        }
        do {
            piiRules = try PIIRules.load(
                directory: URL(fileURLWithPath: pipelinePath).deletingLastPathComponent().appendingPathComponent("pii").path)
        } catch {
            fail("foiapipe: invalid PII rules\n\(error)")
        }
        let jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        return BatchRunner(
            pipeline: config, classification: classification, piiRules: piiRules, jobs: jobs,
            publisher: Publishing.publisher)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(Status.usage)
    }
}

/// The one-line summary a run or merge prints on stderr when it ends.
enum SummaryLine {
    static func text(_ summary: RunSummary, out: String, shard: Shard? = nil) -> String {
        let rate = summary.seconds > 0 ? Double(summary.pagesRead) / summary.seconds : 0
        var parts = [
            "\(summary.documents) documents, \(summary.pages) pages (\(summary.ocrPages) OCR)",
            "\(summary.unchangedDocuments) unchanged, \(summary.pagesRead) pages read, \(summary.pagesReused) resumed, in "
                + String(format: "%.1f s (%.1f pages/s)", summary.seconds, rate),
            "\(summary.communications) communications",
        ]
        if let shard {
            parts.append("shard \(shard): run `foiapipe merge` over every shard's folder to redact and publish")
        } else {
            parts.append(
                "\(summary.redactions) redactions, \(summary.redactedPages) pages redacted (redaction pass "
                    + String(format: "%.1f s)", summary.redactSeconds))
        }
        parts.append("\(summary.failedDocuments) failed" + (summary.failedDocuments > 0 ? ", see \(out)/errors.jsonl" : ""))
        return "foiapipe: " + parts.joined(separator: "; ")
    }

    static func print(_ summary: RunSummary, out: String, shard: Shard? = nil) {
        FileHandle.standardError.write(Data((text(summary, out: out, shard: shard) + "\n").utf8))
    }
}
