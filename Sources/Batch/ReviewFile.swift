import FoiaCore
import Foundation
import Output
import Redaction
import RunStore

/// `private/decisions.jsonl`, the reviewer's decisions that every redact pass applies.
enum ReviewFile {
    static let name = "decisions.jsonl"

    /// The decisions in the folder; none when there is no file. A line that is not a
    /// decision stops the run (exit 2): a decision silently skipped could be a leak.
    static func load(_ privateDir: String) throws(BatchError) -> ReviewDecisions {
        let path = privateDir + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { return ReviewDecisions() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .usage("cannot read \(path); check its permissions")
        }
        var problems: [String] = []
        let decisions = ReviewDecisions(jsonLines: text, problems: &problems)
        guard problems.isEmpty else {
            throw .usage("\(path): " + problems.joined(separator: "; ") + "; fix or remove the line and run again")
        }
        return decisions
    }
}

extension BatchRunner {
    /// Runs the redact pass again over a finished run's store, with the reviewer's decisions:
    /// no extraction, no OCR, no segmentation. What `foiapipe review`'s publish does; the
    /// same as running the run's command again when its inputs have not changed.
    public func republish(outputDirectory: String, options: RunOptions = RunOptions()) throws(BatchError)
        -> RunSummary
    {
        let start = Date()
        let layout = OutputLayout(outputDirectory)
        guard FileManager.default.fileExists(atPath: layout.store) else {
            throw .usage("\(outputDirectory) holds no run; run `foiapipe run INPUT... --out \(outputDirectory)` first")
        }
        let store = try layout.openStore()
        let documents: [(InputKey, InputDocument)]
        do {
            let meta = try store.meta()
            guard meta["complete"] == "1", (meta["shard"] ?? "").isEmpty else {
                throw BatchError.usage(
                    "the run in \(outputDirectory) did not finish (or is a shard); run its command again first")
            }
            guard meta["fingerprint"] == RunFingerprint.current(pipeline).documents else {
                throw BatchError.usage(
                    "the run in \(outputDirectory) was made with other pipeline or rule files or another foiapipe build; "
                        + "publish by running its `foiapipe run` command again")
            }
            documents = try store.inputs().map { ($0.key, InputDocument(path: $0.key.path, relativePath: $0.key.rel)) }
        } catch let error as BatchError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .output("\(error)")
        }
        var summary = RunSummary()
        summary.unchangedDocuments = documents.count
        try publish(
            documents, store: store, layout: layout, keyPath: options.keyPath, progress: options.progress,
            summary: &summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

extension BatchRunner {
    /// The source PDF of each document of a finished run, by relative path, from its store.
    public static func sources(outputDirectory: String) throws(BatchError) -> [String: String] {
        let layout = OutputLayout(outputDirectory)
        guard FileManager.default.fileExists(atPath: layout.store) else {
            throw .usage("\(outputDirectory) holds no run; run `foiapipe run INPUT... --out \(outputDirectory)` first")
        }
        let store = try layout.openStore()
        do {
            return Dictionary(try store.inputs().map { ($0.key.rel, $0.key.path) }) { a, _ in a }
        } catch {
            throw .store(error)
        }
    }
}
