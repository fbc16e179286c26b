import ArgumentParser
import Foundation

/// The options `run`, `merge` and `extract` share.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output folder.")
    var out: String

    @Option(
        name: .long,
        help: "Pipeline file; its rule files are read beside it (default: Pipelines/default.yaml of this install).")
    var pipeline: String?

    @Option(name: .long, help: "Parallel workers, at least 1 (default: number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "No progress or summary on stderr.")
    var quiet = false

    func validate() throws {
        try JobsOption.validate(jobs)
    }

    var pipelinePath: String { pipeline ?? DefaultPipeline.path() }

    var workers: Int { JobsOption.workers(jobs) }
}

/// `--jobs`: at least one worker; the number of cores when not given.
enum JobsOption {
    static func validate(_ jobs: Int?) throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    static func workers(_ jobs: Int?) -> Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// A command that stops with a message and a status of the contract (usually 2, usage).
///
/// Commands throw it instead of exiting, so that every exit goes through `CommandLineExit`.
struct CommandFailure: Error {
    var message: String
    var status: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: Status.usage) }
}

/// The one place the process exits: parses, runs, and turns every error into the contract's
/// status (0 done, 1 some documents failed, 2 usage or configuration error).
///
/// swift-argument-parser exits 64 (`EX_USAGE`) on a usage error; the contract says 2.
enum CommandLineExit {
    static func run() -> Never {
        do {
            var command = try Foiapipe.parseAsRoot()
            try command.run()
            exit(Status.allProcessed)
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { standardError(failure.message) }
            exit(failure.status)
        } catch {
            let code = Foiapipe.exitCode(for: error)
            let message = Foiapipe.fullMessage(for: error)
            if code == .success {
                // --help and --version.
                if !message.isEmpty { print(message) }
                exit(Status.allProcessed)
            }
            if !message.isEmpty { standardError(message) }
            exit(code == .validationFailure ? Status.usage : code.rawValue)
        }
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
