import Batch
import Foundation
import Rules

/// The pipeline and rule files, loaded and checked before anything is written.
enum LoadedPipeline {
    /// Every problem of every rule file, listed at once; exit 2.
    static func load(_ path: String) throws(CommandFailure) -> Pipeline {
        do {
            return try Pipeline.load(path: path)
        } catch {
            throw .usage("foiapipe: invalid pipeline or rule files (\(error.problems.count) problems)\n\(error)")
        }
    }

    /// The runner `run` and `merge` use, publishing redacted PDFs.
    static func runner(_ options: OutputOptions) throws(CommandFailure) -> BatchRunner {
        BatchRunner(try load(options.pipelinePath), jobs: options.workers, publisher: Publishing.publisher)
    }

    /// The pipeline file alone, for the commands that do not redact (`extract`, `segment`).
    static func config(_ path: String) throws(CommandFailure) -> PipelineConfig {
        do {
            return try PipelineConfig.load(path: path)
        } catch {
            throw .usage("foiapipe: invalid pipeline\n\(error)")
        }
    }
}

/// Finds `Pipelines/default.yaml` when `--pipeline` is not given, in this order:
/// `FOIAPIPE_PIPELINES`; `PREFIX/share/foiapipe/Pipelines` beside an installed
/// `PREFIX/bin/foiapipe` (`scripts/install`); the repository a binary was built in (up to
/// five folders above it); the current folder.
enum DefaultPipeline {
    static func path() -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["FOIAPIPE_PIPELINES"] {
            return env + "/default.yaml"
        }
        let executable =
            (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let binaryFolder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = binaryFolder.deletingLastPathComponent().appendingPathComponent(
            "share/foiapipe/Pipelines/default.yaml")
        if fm.fileExists(atPath: installed.path) { return installed.path }
        var dir = binaryFolder
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("Pipelines/default.yaml").path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return fm.currentDirectoryPath + "/Pipelines/default.yaml"
    }
}

/// The one-line summary a run or merge prints on stderr when it ends.
enum SummaryLine {
    static func text(_ summary: RunSummary, out: String, shard: Shard? = nil, renamed: [String] = []) -> String {
        let rate = summary.seconds > 0 ? Double(summary.pagesRead) / summary.seconds : 0
        var parts = [
            "\(summary.documents) documents, \(summary.pages) pages (\(summary.ocrPages) OCR)",
            "\(summary.unchangedDocuments) unchanged, \(summary.pagesRead) pages read, \(summary.pagesReused) resumed, in "
                + String(format: "%.1f s (%.1f pages/s)", summary.seconds, rate),
            "\(summary.communications) communications",
        ]
        if !renamed.isEmpty {
            let shown = renamed.prefix(3).joined(separator: ", ") + (renamed.count > 3 ? ", …" : "")
            parts.append(
                "\(renamed.count) files share a relative path with a file of another input, so they are published "
                    + "under their input folder's name (\(shown))")
        }
        if let shard {
            parts.append("shard \(shard): run `foiapipe merge` over every shard's folder to redact and publish")
        } else {
            parts.append(
                "\(summary.redactions) redactions, \(summary.redactedPages) pages redacted (redaction pass "
                    + String(format: "%.1f s)", summary.redactSeconds))
        }
        parts.append(
            "\(summary.failedDocuments) failed" + (summary.failedDocuments > 0 ? ", see \(out)/errors.jsonl" : ""))
        return "foiapipe: " + parts.joined(separator: "; ")
    }

    static func print(_ summary: RunSummary, out: String, shard: Shard? = nil, renamed: [String] = []) {
        FileHandle.standardError.write(Data((text(summary, out: out, shard: shard, renamed: renamed) + "\n").utf8))
    }
}
