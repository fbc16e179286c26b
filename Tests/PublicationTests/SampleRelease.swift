import Extraction
import FoiaCore
import FoiaTestSupport
import Foundation
import Publication
import Redaction
import Rules

/// A four-page release made for these tests, read, redacted and published once.
///
/// Page 1 is vector text naming a private person (name, date of birth, A-number) and carries
/// a FreeText annotation, a filled form field, a link and a note; page 2 is vector text
/// with nothing to redact; page 3 is a scan (an image only) of the same kind of record;
/// page 4 is vector text on a page turned by `/Rotate 90`.
/// The file also holds an Info dictionary, XMP, an attachment, JavaScript and an
/// incremental update, all of which the publication copy must shed.
struct SampleRelease: Sendable {
    /// Strings the published copy must not contain in any form.
    static let originals = ["ALVAREZ", "Alvarez", "Jose Luis", "03/04/1985", "A087654321", "087654321"]
    /// Strings only the source's metadata, annotations, attachment and script carry.
    static let sourceOnly = [
        "TitleSecret", "AuthorSecret", "SubjectSecret", "KeywordSecret", "CreatorSecret", "xmpsecret", "linksecret",
        "popupsecret", "attachsecret", "jssecret",
    ]
    static let page1 = [
        "Booking report", "Name: ALVAREZ, Jose Luis", "DOB: 03/04/1985", "A-Number: A087654321",
        "ALVAREZ was booked on Tuesday and is held at the county jail.",
        "Please send the detainer form to the records unit.",
    ]
    static let page2 = [
        "Parking study", "The quarterly parking report is attached.",
        "Please review the budget figures before Friday.",
    ]
    /// Page 4 is a portrait page turned by `/Rotate 90`, its text laid out on the landscape display.
    static let page4 = ["Rotated booking sheet", "Name: ALVAREZ, Jose Luis", "DOB: 03/04/1985", "Transferred to the county jail."]
    static let page3 = [
        "Intake sheet", "Name: ALVAREZ, Jose Luis", "DOB: 03/04/1985", "A-Number: A087654321",
        "Held at the county jail pending transfer.",
    ]

    var folder: String
    var source: String
    var output: String
    var pages: [RedactedPage]
    var records: [RedactionRecord]
    var sourceText: [String]
    var writeError: PublicationError?
    var problem: String?

    static let shared: SampleRelease = make()

    static func make() -> SampleRelease {
        let folder = temporaryFolder("publication").path
        let source = folder + "/release.pdf"
        let output = folder + "/public/redacted/nested/release.pdf"
        var sample = SampleRelease(
            folder: folder, source: source, output: output, pages: [], records: [], sourceText: [], writeError: nil,
            problem: nil)
        guard let scan = scanImage(folder: folder) else {
            sample.problem = "could not render the scanned page"
            return sample
        }
        do {
            try releaseBytes(scan: scan).write(to: URL(fileURLWithPath: source))
        } catch {
            sample.problem = "cannot write the test PDF: \(error)"
            return sample
        }
        let doc = extract(source, ocr: .auto)
        guard doc.failure == nil, doc.pages.count == 4 else {
            sample.problem = "extraction failed: \(String(describing: doc.failure)) \(doc.errors)"
            return sample
        }
        sample.sourceText = doc.pages.map(\.text)
        let redactor = Redactor(rules: rules, key: Array("publication test key".utf8))
        var registry = EntityRegistry()
        for p in doc.pages { registry.merge(redactor.detect(page: p, roles: TestStructure.roles(of: p))) }
        let results = doc.pages.map { redactor.redact(page: $0, roles: TestStructure.roles(of: $0), registry: registry) }
        sample.pages = results.map(\.page)
        sample.records = results.flatMap(\.records)
        do throws(PublicationError) {
            try RedactedPDFWriter().write(source: source, pages: sample.pages, to: output)
        } catch {
            sample.writeError = error
        }
        return sample
    }

    static let rules: PIIRules = {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Pipelines/pii").path
        do {
            return try PIIRules.load(directory: folder)
        } catch {
            fatalError("Pipelines/pii does not load:\n\(error)")
        }
    }()

    static let wordList: WordList = (try? WordList.load(path: ExtractionConfig().dictionary)) ?? WordList(words: [])

    static func extract(_ path: String, ocr: OCRPolicy) -> ExtractedDocument {
        var config = ExtractionConfig()
        config.ocr = ocr
        let extractor = Extractor(config: config, jobs: 2, wordList: wordList)
        return extractor.extractAll([InputDocument(path: path, relativePath: "release.pdf")])[0]
    }

    /// Page 3's "scan": its text drawn in a PDF of its own, rendered to gray pixels at 200 dpi.
    static func scanImage(folder: String) -> (width: Int, height: Int, pixels: [UInt8])? {
        var pdf = HandMadePDF()
        pdf.set(1, "/Type /Catalog /Pages 2 0 R".wrapped)
        pdf.set(2, "/Type /Pages /Kids [3 0 R] /Count 1".wrapped)
        pdf.set(
            3, "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R".wrapped)
        pdf.set(4, stream: HandMadePDF.textContent(page3, size: 12))
        pdf.set(5, "/Type /Font /Subtype /Type1 /BaseFont /Helvetica".wrapped)
        pdf.set(6, "/Producer (test)".wrapped)
        let path = folder + "/scan-source.pdf"
        guard (try? pdf.bytes(info: 6).write(to: URL(fileURLWithPath: path))) != nil else { return nil }
        return PopplerFile(path: path)?.renderGray(page: 1, dpi: 200)
    }

    static func releaseBytes(scan: (width: Int, height: Int, pixels: [UInt8])) -> Data {
        var pdf = HandMadePDF()
        pdf.set(
            1,
            """
            << /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [9 0 R] >> /OpenAction 14 0 R /Metadata 15 0 R
            /Names << /EmbeddedFiles << /Names [(booking.txt) 12 0 R] >> /JavaScript << /Names [(js) 14 0 R] >> >> >>
            """)
        pdf.set(2, "/Type /Pages /Kids [3 0 R 4 0 R 5 0 R 22 0 R] /Count 4".wrapped)
        let fonts = "/Resources << /Font << /F1 20 0 R >> >>"
        pdf.set(
            3,
            "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \(fonts) /Contents 6 0 R /Annots [8 0 R 9 0 R 10 0 R 11 0 R]"
                .wrapped)
        pdf.set(4, "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \(fonts) /Contents 7 0 R".wrapped)
        pdf.set(
            5, "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 17 0 R >> >> /Contents 16 0 R".wrapped)
        pdf.set(6, stream: HandMadePDF.textContent(page1))
        pdf.set(7, stream: HandMadePDF.textContent(page2))
        pdf.set(
            8,
            "/Type /Annot /Subtype /FreeText /Rect [72 500 300 520] /Contents (Reviewed by records unit) /DA (/F1 10 Tf 0 g) /F 4 /AP << /N 18 0 R >>"
                .wrapped)
        pdf.set(
            9,
            "/Type /Annot /Subtype /Widget /FT /Tx /T (case) /V (Case 2017-0415) /Rect [72 460 300 480] /F 4 /DA (/F1 10 Tf 0 g) /AP << /N 19 0 R >> /P 3 0 R"
                .wrapped)
        pdf.set(
            10,
            "/Type /Annot /Subtype /Link /Rect [72 690 300 710] /Border [0 0 0] /A << /S /URI /URI (mailto:linksecret@example.com) >>"
                .wrapped)
        pdf.set(11, "/Type /Annot /Subtype /Text /Rect [400 700 420 720] /Contents (popupsecret note) /F 4".wrapped)
        pdf.set(12, "/Type /Filespec /F (booking.txt) /EF << /F 13 0 R >>".wrapped)
        pdf.set(13, stream: Data("attachsecret ALVAREZ, Jose Luis 03/04/1985".utf8), dictionary: "/Type /EmbeddedFile")
        pdf.set(14, "/S /JavaScript /JS (app.alert\\('jssecret'\\);)".wrapped)
        pdf.set(
            15,
            stream: Data("<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:title>xmpsecret ALVAREZ</dc:title></x:xmpmeta>".utf8),
            dictionary: "/Type /Metadata /Subtype /XML")
        pdf.set(16, stream: Data("q 612 0 0 792 0 0 cm /Im1 Do Q".utf8))
        pdf.set(
            17, stream: Data(scan.pixels),
            dictionary:
                "/Type /XObject /Subtype /Image /Width \(scan.width) /Height \(scan.height) /ColorSpace /DeviceGray /BitsPerComponent 8"
        )
        let form = "/Type /XObject /Subtype /Form /BBox [0 0 228 20] /Resources << /Font << /F1 20 0 R >> >>"
        pdf.set(18, stream: Data("BT /F1 10 Tf 2 6 Td (Reviewed by records unit) Tj ET".utf8), dictionary: form)
        pdf.set(19, stream: Data("/Tx BMC BT /F1 10 Tf 2 6 Td (Case 2017-0415) Tj ET EMC".utf8), dictionary: form)
        pdf.set(20, "/Type /Font /Subtype /Type1 /BaseFont /Helvetica".wrapped)
        pdf.set(
            22,
            "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 \(fonts) /Contents 23 0 R".wrapped)
        pdf.set(23, stream: rotatedContent(page4))
        pdf.set(
            24,
            "/Title (TitleSecret ALVAREZ) /Author (AuthorSecret) /Subject (SubjectSecret) /Keywords (KeywordSecret) /Creator (CreatorSecret)"
                .wrapped)
        pdf.update(24, "/Title (TitleSecret revised) /Author (AuthorSecret) /Creator (CreatorSecret)".wrapped)
        return pdf.bytes(info: 24)
    }

    /// Text that reads upright once `/Rotate 90` turns the page clockwise: each line runs up
    /// the portrait page (user y is the displayed x; user x is the displayed distance from the top).
    static func rotatedContent(_ lines: [String]) -> Data {
        var s = ""
        for (i, line) in lines.enumerated() {
            s += "BT /F1 12 Tf 0 1 -1 0 \(90 + Double(i) * 20) 72 Tm (\(line)) Tj ET\n"
        }
        return Data(s.utf8)
    }
}

extension String {
    /// The string as a PDF dictionary.
    fileprivate var wrapped: String { "<< \(self) >>" }
}
