import ArgumentParser
import Batch
import Dispatch
import Foundation
import Review
import Synchronization

/// `foiapipe review DIR`: the reviewer's web app on 127.0.0.1 (see `ReviewServer`).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a run's redactions in a local web app, and publish again with the decisions.",
        discussion: """
            Serves on 127.0.0.1 only and prints a URL with a random token; open it in a browser. \
            Decisions go to DIR/private/decisions.jsonl (0600); every later `foiapipe run` or `merge` \
            into DIR applies them in its redact pass, and the app's Publish button runs that pass now. \
            Stop with Ctrl-C.
            """)

    @Argument(help: "A finished run's output folder.")
    var directory: String

    @Option(name: .long, help: "Port on 127.0.0.1 (default: any free port).")
    var port: Int = 0

    @Option(name: .long, help: "The reviewer's name, recorded with every decision (default: $USER).")
    var reviewer: String?

    @Option(
        name: .long,
        help: "The run's pipeline file, for publishing (default: Pipelines/default.yaml of this install).")
    var pipeline: String?

    @Option(name: .long, help: "The run's pseudonym key file (default: DIR/private/pseudonym.key).")
    var key: String?

    @Option(name: .long, help: "Parallel workers when publishing, at least 1 (default: number of cores).")
    var jobs: Int?

    func validate() throws {
        try JobsOption.validate(jobs)
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535 (got \(port))") }
    }

    func run() throws {
        let dir = directory
        // The rule files take most of a second to load and check; only publishing needs them,
        // so they load while the server starts (a problem in them is reported by Publish).
        let pipelinePath = pipeline ?? DefaultPipeline.path()
        let workers = JobsOption.workers(jobs)
        let loading = Task { () throws -> BatchRunner in
            BatchRunner(try LoadedPipeline.load(pipelinePath), jobs: workers, publisher: Publishing.publisher)
        }
        let sources: [String: String]
        do {
            sources = try BatchRunner.sources(outputDirectory: dir)
        } catch {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        let name = reviewer ?? ProcessInfo.processInfo.environment["USER"] ?? "reviewer"
        let keyPath = key
        let server = ReviewServer(
            directory: dir, reviewer: name, port: port, sources: sources,
            publish: {
                let runner = try await loading.value
                return try await withCheckedThrowingContinuation { (c: CheckedContinuation<String, any Error>) in
                    DispatchQueue.global().async {
                        do {
                            let summary = try runner.republish(
                                outputDirectory: dir, options: RunOptions(keyPath: keyPath))
                            let check = PublicCheck.summary(out: dir, jobs: workers)
                            c.resume(
                                returning: "published with \(summary.reviewDecisions) decision(s): "
                                    + "\(summary.redactions) redactions, \(summary.failedDocuments) failed; \(check)")
                        } catch {
                            c.resume(throwing: error)
                        }
                    }
                }
            })
        // Hummingbird logs every start at info level on stdout; the URL line is what matters.
        setenv("LOG_LEVEL", "warning", 0)
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { url in
                    FileHandle.standardOutput.write(Data("foiapipe review: open \(url)\n".utf8))
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) { throw CommandFailure.usage("foiapipe: review: \(message)") }
    }
}
