import ArgumentParser
import Batch
import Foundation

/// `foiapipe merge`: the last step of a run split over machines with `run --shard K/N`.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the folders of `run --shard K/N` runs into one published output folder.",
        discussion: """
            Every shard 1..N must have finished, with the same --pipeline as this merge. The shards \
            must have seen the inputs at the same absolute paths (a shared volume): the merge reads \
            the source PDFs again for the redacted copies. public/communications.jsonl and \
            counts.csv equal a single run's.
            """)

    @Argument(help: "The shard output folders.")
    var shards: [String]

    @OptionGroup var options: OutputOptions

    @Option(name: .long, help: "Pseudonym key file (default: OUT/private/pseudonym.key, created if absent).")
    var key: String?

    func run() throws {
        let runner = try LoadedPipeline.runner(options)
        let summary: RunSummary
        do {
            summary = try runner.merge(
                shardDirectories: shards, outputDirectory: options.out,
                options: RunOptions(keyPath: key, progress: options.quiet ? nil : ProgressDisplay()))
        } catch {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        if !options.quiet {
            SummaryLine.print(
                summary, out: options.out, publicCheck: PublicCheck.summary(out: options.out, jobs: options.workers))
        }
        if summary.failedDocuments > 0 { throw ExitCode(Status.someFailed) }
    }
}
