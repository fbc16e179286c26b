// libFuzzer entry points for the parsers that read what the user or the release supplies.
//
// Build and run (Linux; scripts/fuzz does both):
//
//     swift build -c release --scratch-path .build-fuzz --product FoiaFuzz \
//         -Xswiftc -sanitize=fuzzer -Xswiftc -DFOIAFUZZ
//     FOIAFUZZ_TARGET=rules .build-fuzz/release/FoiaFuzz Fuzz/corpus/rules -max_total_time=600
//
// FOIAFUZZ_TARGET picks the parser: `rules` (the PII rule-file loader and the pipeline file),
// `header` (header blocks, through the segmenter, one printed line per input line),
// `sentdate` (the sent-date parser) or `pdf` (open and extract a PDF through poppler, no OCR).
//
// SwiftPM gives an executable its own entry point, so libFuzzer's `main` cannot be used; the
// top-level code hands over to libFuzzer's driver instead (`LLVMFuzzerRunDriver`). Built
// without FOIAFUZZ (a plain `swift build`), the program only says how to build it.
import Extraction
import FoiaCore
import Foundation
import Poppler
import Redaction
import Rules
import Segmentation

/// What one fuzzing process reads and writes, made on the first input.
private final class FuzzState: @unchecked Sendable {
    let target: String
    let folder: String
    let segmenter: Segmenter
    let dates = SentDateParser(timeZone: "America/New_York")
    let extractor: Extractor

    init() {
        target = ProcessInfo.processInfo.environment["FOIAFUZZ_TARGET"] ?? "sentdate"
        folder = NSTemporaryDirectory() + "/foiafuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The officials file the loader requires beside any family file.
        try? Data("version: 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/officials.yaml"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let pipeline = (try? PipelineConfig.load(path: root + "/Pipelines/default.yaml")) ?? PipelineConfig(path: "")
        segmenter = Segmenter(config: pipeline.segmentation)
        var extraction = pipeline.extraction
        extraction.ocr = .never
        extractor = Extractor(config: extraction, jobs: 1, wordList: WordList(words: ["the", "and", "from"]))
    }
}

nonisolated(unsafe) private var state: FuzzState?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let s = state ?? FuzzState()
    state = s
    let bytes = start.map { Data(bytes: $0, count: count) } ?? Data()
    switch s.target {
    case "rules": fuzzRules(bytes, s)
    case "header": fuzzHeader(bytes, s)
    case "pdf": fuzzPDF(bytes, s)
    default: _ = s.dates.read(String(decoding: bytes, as: UTF8.self))
    }
    return 0
}

/// The input as a PII family file beside an empty officials file, and as a pipeline file.
private func fuzzRules(_ bytes: Data, _ s: FuzzState) {
    let file = s.folder + "/family.yaml"
    guard (try? bytes.write(to: URL(fileURLWithPath: file))) != nil else { return }
    _ = try? PIIRules.load(files: [file, s.folder + "/officials.yaml"])
    _ = try? PipelineConfig.load(path: file)
}

/// The input's lines as one page of printed lines, segmented into communications.
private func fuzzHeader(_ bytes: Data, _ s: FuzzState) {
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    var words: [Word] = []
    for (i, line) in lines.prefix(200).enumerated() {
        let tokens = line.split(separator: " ")
        let y = 40.0 + Double(i) * 14
        for (k, t) in tokens.enumerated() {
            let x = 72.0 + Double(k) * 40
            words.append(
                Word(text: String(t), box: Box(x0: x, y0: y, x1: x + 35, y1: y + 10), endsLine: k == tokens.count - 1))
        }
    }
    let page = PageText(
        number: 1, width: 612, height: 792, source: .text, decision: .useTextLayer("fuzz"), confidence: 100,
        text: PageText.joinedText(words), words: words)
    let doc = ExtractedDocument(
        input: InputDocument(path: "/fuzz.pdf", relativePath: "fuzz.pdf"), sha256: "0", pages: [page])
    _ = s.segmenter.segment(doc)
}

/// The input as a PDF: opened, every page read (text, layout, images, annotations, scan), and
/// extracted by the extraction stage without OCR.
private func fuzzPDF(_ bytes: Data, _ s: FuzzState) {
    let file = s.folder + "/input.pdf"
    guard (try? bytes.write(to: URL(fileURLWithPath: file))) != nil else { return }
    if let doc = try? PopplerDocument(path: file) {
        _ = doc.metadata
        for number in 1...max(1, min(doc.pageCount, 4)) {
            guard let page = doc.page(number) else { continue }
            _ = page.textWithLayout
            _ = page.annotationKinds
            _ = page.formFieldCount
            _ = page.scan(minCoverage: 0.5)
        }
    }
    _ = s.extractor.extractAll([InputDocument(path: file, relativePath: "input.pdf")])
}

#if FOIAFUZZ
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt
    ) -> CInt

    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, { fuzzOneInput($0, $1) }))
#else
    FileHandle.standardError.write(Data("FoiaFuzz: build it with scripts/fuzz (-sanitize=fuzzer -DFOIAFUZZ)\n".utf8))
    exit(2)
#endif
