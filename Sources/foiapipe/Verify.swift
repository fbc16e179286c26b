import ArgumentParser
import Foundation
import Verification

/// `foiapipe verify DIR`: proves that nothing the audit says was redacted is still in `public/`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check DIR/public against the private audit: exit 1, naming each case, if any redacted string is still there.")

    @Argument(help: "A run's output folder.")
    var directory: String

    @Option(name: .long, help: "Parallel OCR workers (default: number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Skip OCR of the PDF pages (text layers, metadata and bytes are still checked).")
    var noOcr = false

    func run() throws {
        let jobs = max(1, self.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let report: VerificationReport
        do {
            report = try Verifier(jobs: jobs, ocr: !noOcr).verify(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("foiapipe: \(error.description)\n".utf8))
            throw ExitCode(Status.usage)
        }
        print(report.lines.joined(separator: "\n"))
        if !report.isClean { throw ExitCode(Status.someFailed) }
    }
}
