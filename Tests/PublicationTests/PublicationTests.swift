import Extraction
import FoiaCore
import FoiaTestSupport
import Foundation
import Publication
import Redaction
import Testing

/// The text without any whitespace and lower-cased, so `J ose` still matches `Jose`.
func squeezed(_ s: String) -> String {
    String(s.lowercased().filter { !$0.isWhitespace })
}

func leaks(in text: String) -> [String] {
    SampleRelease.originals.filter { squeezed(text).contains(squeezed($0)) }
}

@Suite struct RedactedPDFWriterTests {
    /// The prepared release, or a recorded issue saying why there is none.
    func release() throws -> SampleRelease {
        let r = SampleRelease.shared
        if let problem = r.problem { Issue.record(Comment(rawValue: problem)) }
        #expect(r.writeError == nil, "\(String(describing: r.writeError))")
        try #require(r.problem == nil && r.writeError == nil)
        return r
    }

    @Test func theRedactorFoundWhatTheTestsLookFor() throws {
        let r = try release()
        #expect(r.pages.map(\.mustRasterize) == [true, false, true, true])
        let found = r.records.map(\.original).joined(separator: "\n")
        for original in ["ALVAREZ", "03/04/1985", "A087654321"] {
            #expect(r.records.filter { $0.page == 1 && $0.original.contains(original) }.count > 0, "page 1: \(original)")
            #expect(r.records.filter { $0.page == 3 && $0.original.contains(original) }.count > 0, "page 3: \(found)")
            if original != "A087654321" {
                #expect(r.records.filter { $0.page == 4 && $0.original.contains(original) }.count > 0, "page 4: \(found)")
            }
        }
        // The source itself carries the originals, so the checks below can fail.
        #expect(!leaks(in: r.sourceText[0]).isEmpty && !leaks(in: r.sourceText[2]).isEmpty)
    }

    @Test func textLayerHoldsPlaceholdersAndNoOriginal() throws {
        let r = try release()
        let out = try #require(PopplerFile(path: r.output))
        #expect(out.pageCount == 4)
        for page in 1...4 {
            let text = out.text(page: page)
            #expect(leaks(in: text).isEmpty, "page \(page) text layer: \(leaks(in: text))")
            for record in r.records where record.page == page {
                #expect(text.contains(record.placeholder), "page \(page) lacks \(record.placeholder):\n\(text)")
            }
        }
        // The words cairo must not drop under the image: every kept word of page 1 and 3.
        for page in [1, 3, 4] {
            let words = r.pages[page - 1].words.map(\.text).filter { !$0.hasPrefix("[") }
            let text = squeezed(out.text(page: page))
            let missing = words.filter { !text.contains(squeezed($0)) }
            #expect(words.count > 8 && missing.isEmpty, "page \(page) text layer lost \(missing)")
        }
    }

    @Test func boxesAreSolidBlackInTheRenderedCopy() throws {
        let r = try release()
        let out = try #require(PopplerFile(path: r.output))
        let dpi = 100.0
        for page in [1, 3, 4] {
            let image = try #require(out.renderGray(page: page, dpi: dpi))
            let boxes = r.pages[page - 1].boxes
            #expect(!boxes.isEmpty)
            for b in boxes {
                var light = 0
                var total = 0
                let s = dpi / 72
                for y in Int((b.y0 * s).rounded(.up))..<Int((b.y1 * s).rounded(.down)) {
                    for x in Int((b.x0 * s).rounded(.up))..<Int((b.x1 * s).rounded(.down)) {
                        total += 1
                        if image.pixels[y * image.width + x] > 40 { light += 1 }
                    }
                }
                #expect(total > 0 && light == 0, "page \(page) box \(b): \(light) of \(total) pixels not black")
            }
        }
    }

    @Test func ocrOfTheCopyFindsNoOriginal() throws {
        let r = try release()
        let doc = SampleRelease.extract(r.output, ocr: .always)
        #expect(doc.failure == nil && doc.pages.count == 4)
        for page in doc.pages {
            #expect(leaks(in: page.text).isEmpty, "OCR of page \(page.number): \(leaks(in: page.text))")
        }
        // OCR does read the copy, so a leak would be seen.
        #expect(doc.pages.first { $0.number == 3 }?.text.contains("county jail") == true)
        #expect(doc.pages.first { $0.number == 1 }?.text.contains("records unit") == true)
        // The turned page was rasterised upright as displayed, so OCR reads it without turning it.
        let turned = doc.pages.first { $0.number == 4 }
        #expect(turned?.text.contains("Transferred to the county jail") == true, "\(turned?.text ?? "")")
        #expect(turned?.scanRotation == 0)
    }

    @Test func theFileCarriesNothingFromTheSourceButThePages() throws {
        let r = try release()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: r.output))
        let sourceBytes = try Data(contentsOf: URL(fileURLWithPath: r.source))
        for s in SampleRelease.originals + SampleRelease.sourceOnly {
            #expect(sourceBytes.range(of: Data(s.utf8)) != nil || s == "Alvarez" || s == "087654321" || s == "Jose Luis")
            #expect(bytes.range(of: Data(s.utf8)) == nil, "'\(s)' is in the bytes of the copy")
        }
        let out = try #require(PopplerFile(path: r.output))
        let source = try #require(PopplerFile(path: r.source))
        #expect(source.metadata["title"] != nil && source.hasAttachments && source.annotationCount(page: 1) == 4)
        let meta = out.metadata
        for key in ["title", "author", "subject", "keywords", "xmp"] {
            #expect(meta[key] == nil || meta[key] == "", "\(key): \(meta[key] ?? "")")
        }
        #expect(meta["creator"] == nil || meta["creator"]?.hasPrefix("cairo") == true)
        #expect(meta["producer"]?.hasPrefix("cairo") == true)
        #expect(!out.hasAttachments)
        for page in 1...out.pageCount {
            #expect(out.annotationCount(page: page) == 0 && out.linkCount(page: page) == 0, "page \(page)")
            let text = out.text(page: page)
            for s in SampleRelease.sourceOnly { #expect(!text.contains(s), "page \(page): \(s)") }
        }
        // One revision, written fresh: no incremental update survives.
        #expect(bytes.count(of: Data("%%EOF".utf8)) == 1)
        #expect(bytes.range(of: Data("/JavaScript".utf8)) == nil && bytes.range(of: Data("/EmbeddedFile".utf8)) == nil)
        #expect(bytes.range(of: Data("/Annots".utf8)) == nil && bytes.range(of: Data("/AcroForm".utf8)) == nil)
    }

    @Test func anUnredactedTextPageStaysVectorWithItsText() throws {
        let r = try release()
        let out = try #require(PopplerFile(path: r.output))
        #expect(out.imageCount(page: 2) == 0, "page 2 should not be an image")
        #expect(out.imageCount(page: 1) == 1 && out.imageCount(page: 3) == 1 && out.imageCount(page: 4) == 1)
        let turned = out.size(page: 4)
        #expect(abs(turned.width - 792) < 0.5 && abs(turned.height - 612) < 0.5, "page 4 is displayed landscape")
        // cairo embeds a substitute for the unembedded Helvetica, whose other widths make
        // poppler split some words ("P arking"), so the text is compared without spaces.
        #expect(squeezed(out.text(page: 2)) == squeezed(r.sourceText[1]))
        let size = out.size(page: 2)
        #expect(abs(size.width - 612) < 0.5 && abs(size.height - 792) < 0.5)
    }

    @Test func rasterisedTextPagesWithoutColourAreDeflatedGrey() throws {
        let r = try release()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: r.output))
        // Pages 1, 3 and 4 are images. The redacted text pages have no colour (page 1's note
        // icon is faintly tinted: it is made grey, as a grey JPEG would), so they are one
        // deflated grey channel, lossless and half the size of their JPEG; page 3's scan is a
        // clean 200-dpi rendering (over 90% pure black and white pixels) stored losslessly, so
        // its copy stays lossless, at its 200 dpi.
        #expect(bytes.count(of: Data("/DCTDecode".utf8)) == 0)
        #expect(bytes.count(of: Data("/Width 1700".utf8)) == 1)
        // The release has no colour, so the images are greyscale.
        #expect(bytes.count(of: Data("/ColorSpace /DeviceGray".utf8)) == 3)
        #expect(bytes.count(of: Data("/ColorSpace /DeviceRGB".utf8)) == 0)
    }

    /// A one-page PDF whose page is `pixels`, an image over the whole page, published with its
    /// own redactions into `folder/out.pdf`; returns the published file's bytes.
    private func publishImagePage(
        _ pixels: Data, width: Int, height: Int, colourSpace: String, bitsPerComponent: Int, in folder: String
    ) throws -> Data {
        var pdf = HandMadePDF()
        pdf.set(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.set(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
        )
        pdf.set(4, stream: Data("q 612 0 0 792 0 0 cm /Im1 Do Q".utf8))
        pdf.set(
            5, stream: pixels,
            dictionary:
                "/Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace \(colourSpace) /BitsPerComponent \(bitsPerComponent)"
        )
        pdf.set(6, "<< /Producer (test) >>")
        let source = folder + "/source.pdf"
        try pdf.bytes(info: 6).write(to: URL(fileURLWithPath: source))
        let doc = SampleRelease.extract(source, ocr: .auto)
        try #require(doc.failure == nil && doc.pages.count == 1)
        let redactor = Redactor(rules: SampleRelease.rules, key: Array("k".utf8))
        let pages = doc.pages.map { redactor.redact(page: $0, roles: TestStructure.roles(of: $0), registry: redactor.detect(page: $0, roles: TestStructure.roles(of: $0))).page }
        try RedactedPDFWriter().write(source: source, pages: pages, to: folder + "/out.pdf")
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/out.pdf"))
    }

    @Test func aBlackAndWhiteScanStaysALosslessOneBitImage() throws {
        let folder = temporaryFolder("publication-bilevel").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A 1-bit "scan": black bars on white, 8 pixels a byte, drawn over the whole page.
        let (width, height) = (612, 792)
        var bits = Data()
        for y in 0..<height {
            let bar = (y / 12) % 3 == 0
            for x in 0..<(width / 8) { bits.append(bar && x % 10 < 7 ? 0x00 : 0xff) }
        }
        let bytes = try publishImagePage(
            bits, width: width, height: height, colourSpace: "/DeviceGray", bitsPerComponent: 1, in: folder)
        #expect(try #require(PopplerFile(path: folder + "/out.pdf")).imageCount(page: 1) == 1)
        #expect(bytes.count(of: Data("/DCTDecode".utf8)) == 0)
        #expect(bytes.count(of: Data("/BitsPerComponent 1".utf8)) == 1)
    }

    /// Issue 16 item 5: a 300-dpi black-and-white scan is published at 300 dpi, one bit a
    /// pixel, CCITT G4, with every pixel of the scan kept (it was 150 dpi and speckled).
    @Test func a300DPIBilevelScanKeepsItsResolutionAndEveryPixel() throws {
        let folder = temporaryFolder("publication-bilevel-300").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Letter at 300 dpi: one-pixel lines and dots that any resampling blurs or drops.
        // A width of whole bytes (2552 pixels, 300.2 dpi), so a row has no padding bits to compare.
        let (width, height) = (2552, 3300)
        var bits = Data(count: width / 8 * height)
        bits.withUnsafeMutableBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            for y in 0..<height {
                for x in 0..<width {
                    let dark = (y % 7 == 0 && x % 3 != 0) || (x % 11 == 0 && y % 2 == 0) || (x * 13 + y * 7) % 97 == 0
                    if !dark { b[y * (width / 8) + x / 8] |= UInt8(0x80 >> (x % 8)) }
                }
            }
        }
        let bytes = try publishImagePage(
            bits, width: width, height: height, colourSpace: "/DeviceGray", bitsPerComponent: 1, in: folder)
        #expect(bytes.count(of: Data("/CCITTFaxDecode".utf8)) == 1)
        #expect(bytes.count(of: Data("/Width \(width)".utf8)) == 1)
        #expect(bytes.count(of: Data("/Height \(height)".utf8)) == 1)
        // The image as a reader extracts it (pdfimages, as a PBM) is the scan, bit for bit.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdfimages")
        p.arguments = [folder + "/out.pdf", folder + "/img"]
        try p.run()
        p.waitUntilExit()
        let pbm = try Data(contentsOf: URL(fileURLWithPath: folder + "/img-000.pbm"))
        let header = Data("P4\n\(width) \(height)\n".utf8)
        #expect(pbm.prefix(header.count) == header)
        // PBM's 1 is black, the PDF's DeviceGray 1 is white.
        let pixels = Data(pbm.dropFirst(header.count).map { ~$0 })
        #expect(pixels == bits, "the published scan differs from the source scan")
    }

    /// Issue 16 item 5: a 200-dpi greyscale scan keeps its 200 dpi (it was resampled to 150).
    @Test func a200DPIGreyScanKeepsItsResolution() throws {
        let folder = temporaryFolder("publication-grey-200").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (width, height) = (1700, 2200)
        var grey = Data(count: width * height)
        grey.withUnsafeMutableBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            for y in 0..<height {
                for x in 0..<width { b[y * width + x] = UInt8(truncatingIfNeeded: 128 + (x / 40 + y / 60) % 2 * 100) }
            }
        }
        let bytes = try publishImagePage(
            grey, width: width, height: height, colourSpace: "/DeviceGray", bitsPerComponent: 8, in: folder)
        #expect(bytes.count(of: Data("/DCTDecode".utf8)) == 1)
        #expect(bytes.count(of: Data("/Width \(width)".utf8)) == 1)
        #expect(bytes.count(of: Data("/Height \(height)".utf8)) == 1)
    }

    /// A colour scan is embedded as an RGB JPEG, and its colours survive the encoder (which
    /// reads cairo's 0x00RRGGBB words a row at a time).
    @Test func aColourScanStaysColourInItsJPEG() throws {
        let folder = temporaryFolder("publication-colour").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Left half red, right half blue, 8 bits a channel, over the whole page.
        let (width, height) = (306, 396)
        var rgb = Data()
        for _ in 0..<height {
            for x in 0..<width { rgb.append(contentsOf: x < width / 2 ? [0xd0, 0x10, 0x10] : [0x10, 0x20, 0xc0]) }
        }
        let bytes = try publishImagePage(
            rgb, width: width, height: height, colourSpace: "/DeviceRGB", bitsPerComponent: 8, in: folder)
        #expect(bytes.count(of: Data("/DCTDecode".utf8)) == 1)
        #expect(bytes.count(of: Data("/ColorSpace /DeviceRGB".utf8)) == 1)
        // Render the copy and read a pixel from each half.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        p.arguments = ["-r", "36", "-singlefile", folder + "/out.pdf", folder + "/page"]
        try p.run()
        p.waitUntilExit()
        let ppm = try Data(contentsOf: URL(fileURLWithPath: folder + "/page.ppm"))
        // P6 header: magic, width, height, maxval, each followed by one whitespace byte.
        var fields: [String] = []
        var at = ppm.startIndex
        while fields.count < 4 {
            var field = ""
            while let c = Optional(ppm[at]), c != 0x20, c != 0x0a {
                field.append(Character(UnicodeScalar(c)))
                at += 1
            }
            at += 1
            if !field.isEmpty { fields.append(field) }
        }
        let (w, h) = (try #require(Int(fields[1])), try #require(Int(fields[2])))
        func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let i = at + 3 * (y * w + x)
            return (Int(ppm[i]), Int(ppm[i + 1]), Int(ppm[i + 2]))
        }
        let left = pixel(w / 4, h / 2)
        let right = pixel(3 * w / 4, h / 2)
        #expect(left.0 > 160 && left.1 < 60 && left.2 < 60, "left half \(left)")
        #expect(right.2 > 150 && right.0 < 60, "right half \(right)")
    }

    @Test func aBadDestinationIsATypedErrorAndLeavesNothing() throws {
        let r = try release()
        let blocker = r.folder + "/a-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let writer = RedactedPDFWriter()
        #expect {
            try writer.write(source: r.source, pages: r.pages, to: blocker + "/out.pdf")
        } throws: { error in
            (error as? PublicationError)?.code == .cannotWrite
        }
        #expect {
            try writer.write(source: r.folder + "/missing.pdf", pages: r.pages, to: r.folder + "/x.pdf")
        } throws: { error in
            (error as? PublicationError)?.code == .cannotOpenSource
        }
        // Pages of a four-page file cannot be published over a two-page one.
        let other = r.folder + "/other.pdf"
        #expect {
            try writer.write(source: Fixtures.path("text_layer_email.pdf"), pages: r.pages, to: other)
        } throws: { error in
            (error as? PublicationError)?.code == .pageMismatch
        }
        #expect(!FileManager.default.fileExists(atPath: other))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: r.folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// Issue 16 item 6: a source that cannot be opened at publication keeps poppler's reason
    /// in errors.jsonl's code (it was `unreadable` whatever the reason).
    @Test func aSourceThatCannotBeOpenedKeepsItsCode() throws {
        let folder = temporaryFolder("publication-source-code").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = RedactedPDFWriter()
        let cases: [(String, DocumentError.Code)] = [
            (Fixtures.path("encrypted.pdf"), .encrypted), (Fixtures.path("truncated.pdf"), .damaged),
            (Fixtures.path("not_a_pdf.pdf"), .notPDF), (folder + "/missing.pdf", .notFound),
        ]
        for (source, code) in cases {
            #expect {
                try writer.write(source: source, pages: [], to: folder + "/out.pdf")
            } throws: { error in
                guard let e = error as? PublicationError else { return false }
                return e.code == .cannotOpenSource && e.documentError.code == code && e.documentError.stage == .publish
            }
        }
    }

    @Test func anUnreadablePageIsWithheld() throws {
        let folder = temporaryFolder("publication-withheld").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = Fixtures.path("render_fails.pdf")
        let doc = SampleRelease.extract(source, ocr: .auto)
        #expect(doc.pages.map(\.number) == [1])
        let redactor = Redactor(rules: SampleRelease.rules, key: Array("k".utf8))
        let pages = doc.pages.map { redactor.redact(page: $0, roles: TestStructure.roles(of: $0), registry: redactor.detect(page: $0, roles: TestStructure.roles(of: $0))).page }
        try RedactedPDFWriter().write(source: source, pages: pages, to: folder + "/out.pdf")
        let out = try #require(PopplerFile(path: folder + "/out.pdf"))
        #expect(out.pageCount == 2)
        #expect(out.text(page: 2).contains("withheld"))
        if pages[0].boxes.isEmpty {
            let sourceText = try #require(PopplerFile(path: source)).text(page: 1)
            #expect(squeezed(out.text(page: 1)) == squeezed(sourceText))
        }
    }
}

extension Data {
    func count(of needle: Data) -> Int {
        var n = 0
        var start = startIndex
        while let r = range(of: needle, in: start..<endIndex) {
            n += 1
            start = r.upperBound
        }
        return n
    }
}
