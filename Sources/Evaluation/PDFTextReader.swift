import Foundation

/// Reads the text layer of a PDF with poppler's `pdftotext -layout`, one string per page.
///
/// This is the text a reader gets by selecting and copying from the published PDF, which is
/// what a leak in the PDF's text layer means. A subprocess keeps the evaluator free of the
/// C libraries, and `pdftotext` is the reference extractor the project benchmarks against.
/// Text in images (a rasterised page) is not read: the leak metric says so.
package struct PDFTextReader: Sendable {
    /// The `pdftotext` executable, or nil when it is not installed.
    package var executable: String?

    package init(executable: String? = PDFTextReader.findExecutable()) {
        self.executable = executable
    }

    /// `pdftotext` on the `PATH`, or in `/usr/bin`.
    package static func findExecutable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(dir)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The pages' text, in order.
    ///
    /// - Throws: `EvaluationError` when `pdftotext` is missing or fails on the file.
    package func pages(of file: String) throws -> [String] {
        guard let executable else {
            throw EvaluationError("pdftotext not found; install poppler-utils (apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-layout", "-enc", "UTF-8", file, "-"]
        let output = Pipe()
        process.standardOutput = output
        // Its warnings are not needed, and an unread pipe could fill and stall it.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw EvaluationError("cannot run \(executable): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EvaluationError("pdftotext exited with status \(process.terminationStatus) on \(file)")
        }
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        // pdftotext ends every page with a form feed, so the last piece is empty.
        if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages
    }
}
