import ArgumentParser
import Foundation
import Verification

/// `foiapipe verify DIR`: proves that nothing the audit says was redacted is still in `public/`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check DIR/public against the private audit: exit 1, naming each case, if any redacted string is still there.")

    @Argument(help: "A run's output folder.")
    var directory: String

    @Option(name: .long, help: "Parallel OCR workers, at least 1 (default: number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Skip OCR of the PDF pages (text layers, metadata and bytes are still checked).")
    var noOcr = false

    func validate() throws {
        try JobsOption.validate(jobs)
    }

    func run() throws {
        let jobs = JobsOption.workers(self.jobs)
        let report: VerificationReport
        do {
            report = try Verifier(jobs: jobs, ocr: !noOcr).verify(directory: directory)
        } catch {
            throw CommandFailure.usage("foiapipe: \(error.description)")
        }
        print(report.lines.joined(separator: "\n"))
        if !report.isClean { throw ExitCode(Status.someFailed) }
    }
}
