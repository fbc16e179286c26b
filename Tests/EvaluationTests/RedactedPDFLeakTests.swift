import Evaluation
import FoiaTestSupport
import Foundation
import Testing

/// The leak and keep searches over a redacted PDF's text layer, read by `pdftotext`.
@Suite struct RedactedPDFLeakTests {
    @Test func leakInPDFTextLayerIsFoundWithItsPage() throws {
        let reader = PDFTextReader()
        guard reader.executable != nil else {
            print("skipped: pdftotext is not installed (apt-get install poppler-utils)")
            return
        }
        let out = temporaryFolder("eval-pdf")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.copyItem(
            atPath: Fixtures.path("eval/perfect/public"), toPath: out.appendingPathComponent("public").path)
        let pdf = out.appendingPathComponent("public/redacted/scans/letter.pdf")
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        try minimalPDF(pages: [
            ["Response to your public records request."],
            ["From: Lewin, Jonathan H.", "To: Little, Patricia A.", "Re: forfeiture of Maria Santos, SSN 123 45 6789"],
        ]).write(to: pdf)

        let report = try Evaluator.evaluate(
            truthFolder: Fixtures.path("eval/truth"), outputFolder: out.path, pdfText: reader)
        let inPDF = report.leaks.leaks.filter { $0.file == "public/redacted/scans/letter.pdf" }
        #expect(inPDF.map(\.text) == ["Maria Santos", "123-45-6789"], "\(report.leaks.leaks)")
        #expect(inPDF.allSatisfy { $0.location == "page 2" })
        #expect(report.leaks.sources.contains { $0.state.hasPrefix("searched text layer of 1 of 1 PDFs") })
        #expect(report.overRedaction.missing.isEmpty)
    }

    @Test func pdfTextReaderSplitsPages() throws {
        let reader = PDFTextReader()
        guard reader.executable != nil else { return }
        let dir = temporaryFolder("eval-pdf-pages")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("two.pdf")
        try minimalPDF(pages: [["first page"], ["second (page)"]]).write(to: pdf)
        let pages = try reader.pages(of: pdf.path)
        #expect(pages.count == 2)
        #expect(pages.last?.contains("second (page)") == true)
    }

    /// A PDF with one Helvetica text line per string, written by hand: the test needs a real
    /// text layer for `pdftotext`, and no PDF library is a dependency of the evaluator.
    func minimalPDF(pages: [[String]]) -> Data {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
        }
        let fontObject = 3 + pages.count * 2
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages.count).map { "\(3 + $0 * 2) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>",
        ]
        for (i, lines) in pages.enumerated() {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(4 + i * 2) 0 R "
                    + "/Resources << /Font << /F1 \(fontObject) 0 R >> >> >>")
            let text = lines.map { "(\(escaped($0))) Tj 0 -16 Td" }.joined(separator: " ")
            let stream = "BT /F1 12 Tf 72 720 Td \(text) ET"
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
