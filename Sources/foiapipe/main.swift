import ArgumentParser
import Batch
import Foundation

/// Exit statuses fixed by the contract.
enum Status {
    static let allProcessed: Int32 = 0
    static let someFailed: Int32 = 1
    static let usage: Int32 = 2
}

struct Foiapipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foiapipe",
        abstract: "Turn a released public-records PDF dump into redacted, countable data.",
        version: BuildInfo.version,
        subcommands: [
            Run.self, Merge.self, Verify.self, Counts.self, Eval.self, Segment.self, Extract.self, ReviewCommand.self,
            ExtractWorker.self,
        ])
}

/// What `--version` prints: the linker's build ID, which is also what a run store records as
/// the build its results were made with (shards and their merge must share it).
enum BuildInfo {
    static var version: String { "foiapipe build " + (ELFBuildID.read(path: "/proc/self/exe") ?? "unknown") }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process PDFs (files or folders, searched recursively) into an output folder.")

    @Argument(help: "PDF files or folders.")
    var inputs: [String]

    @OptionGroup var options: OutputOptions

    @Option(name: .long, help: "Process only shard K of N (by file hash) and stop before redaction; see `foiapipe merge`.")
    var shard: String?

    @Option(name: .long, help: "Pseudonym key file (default: OUT/private/pseudonym.key, created if absent).")
    var key: String?

    @Flag(name: .long, help: "List the least certain redactions on stderr after the run (all are in private/review.tsv).")
    var review = false

    func run() throws {
        let runner = try LoadedPipeline.runner(options)
        let found: FoundInputs
        do {
            found = try InputWalker.find(inputs, output: options.out)
        } catch {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        let summary: RunSummary
        let split: Shard?
        do {
            split = try shard.map { text throws(BatchError) in try Shard(parsing: text) }
            summary = try runner.run(
                inputs: found.documents, outputDirectory: options.out,
                options: RunOptions(shard: split, keyPath: key, progress: options.quiet ? nil : ProgressDisplay()))
        } catch {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        if !options.quiet {
            // A shard publishes nothing: its merge ends with the check.
            let check = split == nil ? PublicCheck.summary(out: options.out, jobs: options.workers) : nil
            SummaryLine.print(summary, out: options.out, shard: split, renamed: found.renamed, publicCheck: check)
        }
        if review { ReviewPrinter.print(outputDirectory: options.out, limit: 25) }
        if summary.failedDocuments > 0 { throw ExitCode(Status.someFailed) }
    }
}

#if canImport(Glibc)
    import Glibc

    /// Workers allocate and free page rasters (megabytes) page after page. With glibc's
    /// defaults such blocks go back to the kernel when freed and come back as fresh zero
    /// pages, written after a copy-on-write fault that flushes the TLB of every core: perf
    /// showed a sixth of a text-layer run's CPU in the kernel, mostly there (leptonica's
    /// `pixSetPadBits` on new rasters). Freed memory is kept instead, up to the peak reached
    /// anyway. `mallopt` is looked up at run time because Swift's Glibc module has no malloc.h.
    private func keepFreedMemory() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
    }
    keepFreedMemory()
#endif

CommandLineExit.run()
