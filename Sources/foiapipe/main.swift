import ArgumentParser
import Batch
import Classification
import FoiaCore
import Foundation
import Redaction
import Rules

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
        subcommands: [Run.self, Merge.self, Verify.self, Counts.self, Eval.self, Segment.self, Extract.self])
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process PDFs (files or folders, searched recursively) into an output folder.")

    @Argument(help: "PDF files or folders.")
    var inputs: [String]

    @Option(name: .long, help: "Output folder.")
    var out: String

    @Option(name: .long, help: "Pipeline file (default: Pipelines/default.yaml).")
    var pipeline: String?

    @Option(name: .long, help: "Parallel workers (default: number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Process only shard K of N (by file hash) and stop before redaction; see `foiapipe merge`.")
    var shard: String?

    @Option(name: .long, help: "Pseudonym key file (default: OUT/private/pseudonym.key, created if absent).")
    var key: String?

    @Flag(name: .long, help: "No progress or summary on stderr.")
    var quiet = false

    @Flag(name: .long, help: "List the least certain redactions on stderr after the run (all are in private/review.tsv).")
    var review = false

    func run() throws {
        let pipelinePath = pipeline ?? DefaultPipeline.path()
        let config: PipelineConfig
        do {
            config = try PipelineConfig.load(path: pipelinePath)
        } catch {
            fail("foiapipe: invalid pipeline\n\(error)")
        }
        let classification: ClassificationRules
        do {
            classification = try ClassificationRules.load(besidePipeline: pipelinePath)
        } catch {
            fail("foiapipe: invalid classification rules\n\(error)")
        }
        let piiRules: PIIRules
        do {
            piiRules = try PIIRules.load(
                directory: URL(fileURLWithPath: pipelinePath).deletingLastPathComponent().appendingPathComponent("pii").path)
        } catch {
            fail("foiapipe: invalid PII rules\n\(error)")
        }
        let documents: [InputDocument]
        do {
            documents = try InputWalker.documents(inputs)
        } catch {
            fail("foiapipe: \(error)")
        }
        let jobs = max(1, self.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let summary: RunSummary
        let split: Shard?
        do {
            split = try shard.map { text throws(BatchError) in try Shard(parsing: text) }
            summary = try BatchRunner(
                pipeline: config, classification: classification, piiRules: piiRules, jobs: jobs,
                publisher: Publishing.publisher
            ).run(
                inputs: documents, outputDirectory: out,
                options: RunOptions(shard: split, keyPath: key, progress: quiet ? nil : ProgressDisplay()))
        } catch {
            fail("foiapipe: \(error)")
        }
        if !quiet { SummaryLine.print(summary, out: out, shard: split) }
        if review { ReviewPrinter.print(outputDirectory: out, limit: 25) }
        if summary.failedDocuments > 0 { throw ExitCode(Status.someFailed) }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(Status.usage)
    }
}

/// Finds `Pipelines/default.yaml`: beside the repository the binary was built in, or from
/// `FOIAPIPE_PIPELINES`, or in the current folder.
enum DefaultPipeline {
    static func path() -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["FOIAPIPE_PIPELINES"] {
            return env + "/default.yaml"
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("Pipelines/default.yaml").path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return fm.currentDirectoryPath + "/Pipelines/default.yaml"
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

Foiapipe.main()
