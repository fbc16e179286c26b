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
            let count = error.problems.count
            throw .usage("foiapipe: invalid pipeline or rule files (\(count) problem\(count == 1 ? "" : "s"))\n\(error)")
        }
    }

    /// The runner `run` and `merge` use, publishing redacted PDFs.
    static func runner(_ options: OutputOptions) throws(CommandFailure) -> BatchRunner {
        var runner = BatchRunner(try load(options.pipelinePath), jobs: options.workers, publisher: Publishing.publisher)
        runner.extractorExecutable = ExtractWorker.executable
        return runner
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
