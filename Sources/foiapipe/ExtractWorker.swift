import ArgumentParser
import Extraction
import Foundation

/// The extractor process of one worker of `run`, `merge` and `extract` (hidden).
///
/// The workers start it from their own executable and talk to it over file descriptor 3; a
/// crash in poppler or tesseract ends this process, and the worker records the document or
/// page as `extractorCrashed` and starts another. Run by hand it has no socket and ends.
struct ExtractWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract-worker", abstract: "The extractor process of a worker (internal).", shouldDisplay: false)

    /// This binary, as the workers start it: `/proc/self/exe` names the running file even
    /// when it was replaced or moved since.
    static var executable: String {
        FileManager.default.isExecutableFile(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0]
    }

    func run() throws {
        let crash = ExtractionChild.SimulatedCrash(
            ProcessInfo.processInfo.environment["FOIAPIPE_SIMULATE_EXTRACTOR_CRASH"])
        let status = ExtractionChild.serve(simulatedCrash: crash)
        if status != 0 { throw ExitCode(status) }
    }
}
