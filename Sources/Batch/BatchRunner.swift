import Extraction
import FoiaCore
import Foundation
import Output
import Rules
import Segmentation
import Synchronization

/// What a run did, for the exit status and the summary line.
public struct RunSummary: Sendable {
    public var documents = 0
    public var failedDocuments = 0
    public var pages = 0
    public var ocrPages = 0
    public var seconds = 0.0
}

/// Runs the pipeline over a batch: extract, then write, one document at a time in order.
///
/// One document's failure is written to `errors.jsonl` and the batch goes on. Every output
/// file is written under a temporary name and renamed when the batch completes.
public struct BatchRunner: Sendable {
    public var pipeline: PipelineConfig
    public var jobs: Int

    public init(pipeline: PipelineConfig, jobs: Int) {
        self.pipeline = pipeline
        self.jobs = jobs
    }

    public func run(inputs: [InputDocument], outputDirectory: String) throws -> RunSummary {
        let start = Date()
        let wordList = try WordList.load(path: pipeline.extraction.dictionary)
        let privateDir = outputDirectory + "/private"
        try FileManager.default.createDirectory(atPath: privateDir, withIntermediateDirectories: true)
        let pagesFile = try AtomicFile(path: privateDir + "/pages.jsonl")
        let errorsFile = try AtomicFile(path: outputDirectory + "/errors.jsonl")
        let communicationsFile = try AtomicFile(path: privateDir + "/communications.jsonl")
        let files = Files(
            pages: pagesFile, errors: errorsFile, communications: communicationsFile,
            segmenter: Segmenter(config: pipeline.segmentation))
        let summary = Mutex(RunSummary())
        let writeError = Mutex<String?>(nil)

        let extractor = Extractor(config: pipeline.extraction, jobs: jobs, wordList: wordList)
        extractor.run(inputs) { doc in
            do {
                try files.write(doc)
            } catch {
                writeError.withLock { $0 = "\(error)" }
            }
            summary.withLock { s in
                s.documents += 1
                if doc.failure != nil || !doc.errors.isEmpty { s.failedDocuments += 1 }
                s.pages += doc.pages.count
                s.ocrPages += doc.pages.filter { $0.source == .ocr }.count
            }
        }
        if let message = writeError.withLock({ $0 }) {
            pagesFile.discard()
            errorsFile.discard()
            communicationsFile.discard()
            throw UsageError("cannot write output: \(message)")
        }
        try pagesFile.commit()
        try communicationsFile.commit()
        try errorsFile.commit()
        var result = summary.withLock { $0 }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}

/// The run's output files; used only from the extractor's ordered sink, one call at a time.
private final class Files: @unchecked Sendable {
    // The extractor guarantees its sink is never called concurrently, which is what makes
    // sharing these handles safe.
    let pages: AtomicFile
    let errors: AtomicFile
    let communications: AtomicFile
    let segmenter: Segmenter
    let duplicates = DuplicateIndex()

    init(pages: AtomicFile, errors: AtomicFile, communications: AtomicFile, segmenter: Segmenter) {
        self.pages = pages
        self.errors = errors
        self.communications = communications
        self.segmenter = segmenter
    }

    func write(_ doc: ExtractedDocument) throws {
        if let failure = doc.failure {
            try errors.writeLine(PageRecord.errorJSON(path: doc.input.relativePath, error: failure))
            return
        }
        for error in doc.errors {
            try errors.writeLine(PageRecord.errorJSON(path: doc.input.relativePath, error: error))
        }
        for page in doc.pages {
            try pages.writeLine(PageRecord.json(document: doc, page: page))
        }
        var records = segmenter.segment(doc)
        duplicates.mark(&records)
        for c in records {
            try communications.writeLine(CommunicationRecord.json(c))
        }
    }
}
