import Classification
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
    public var classification: ClassificationRules
    public var jobs: Int

    public init(pipeline: PipelineConfig, classification: ClassificationRules, jobs: Int) {
        self.pipeline = pipeline
        self.classification = classification
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
        // Counts hold no text from the documents, so they are published as soon as they exist.
        let countsFile = try AtomicFile(path: outputDirectory + "/public/counts.csv")
        let files = Files(pages: pagesFile, errors: errorsFile, communications: communicationsFile)
        let summary = Mutex(RunSummary())
        let writeError = Mutex<String?>(nil)

        let extractor = Extractor(config: pipeline.extraction, jobs: jobs, wordList: wordList)
        let segmenter = Segmenter(config: pipeline.segmentation)
        let classifier = Classifier(rules: classification)
        extractor.run(
            inputs,
            prepare: { doc in
                // Per-document stages run on the worker that finished the document.
                let communications = doc.failure == nil ? segmenter.segment(doc) : []
                return Processed(
                    document: doc, pageRecords: doc.pages.map { PageRecord.json(document: doc, page: $0) },
                    communications: communications, classifications: communications.map(classifier.classify))
            }
        ) { processed in
            let doc = processed.document
            do {
                try files.write(processed)
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
            countsFile.discard()
            throw UsageError("cannot write output: \(message)")
        }
        try pagesFile.commit()
        try countsFile.write(files.counts().csv)
        try communicationsFile.commit()
        try countsFile.commit()
        try errorsFile.commit()
        var result = summary.withLock { $0 }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}

extension Files {
    func counts() -> CountsTable { CountsTable(countEntries) }
}

/// One document after the per-document stages.
struct Processed: Sendable {
    var document: ExtractedDocument
    /// The `pages.jsonl` lines, made in parallel; the ordered writer only writes them.
    var pageRecords: [String]
    var communications: [Communication]
    /// One per communication, same order.
    var classifications: [Classification]
}

/// The run's output files; used only from the extractor's ordered sink, one call at a time.
private final class Files: @unchecked Sendable {
    // The extractor guarantees its sink is never called concurrently, which is what makes
    // sharing these handles safe.
    let pages: AtomicFile
    let errors: AtomicFile
    let communications: AtomicFile
    let duplicates = DuplicateIndex()
    private var countEntries: [CountsTable.Entry] = []

    init(pages: AtomicFile, errors: AtomicFile, communications: AtomicFile) {
        self.pages = pages
        self.errors = errors
        self.communications = communications
    }

    func write(_ processed: Processed) throws {
        let doc = processed.document
        if let failure = doc.failure {
            try errors.writeLine(PageRecord.errorJSON(path: doc.input.relativePath, error: failure))
            return
        }
        for error in doc.errors {
            try errors.writeLine(PageRecord.errorJSON(path: doc.input.relativePath, error: error))
        }
        for line in processed.pageRecords {
            try pages.writeLine(line)
        }
        // Duplicates are found across the whole dump, so in output order.
        var records = processed.communications
        duplicates.mark(&records)
        for (c, k) in zip(records, processed.classifications) {
            try communications.writeLine(CommunicationRecord.json(c, classified: k))
            countEntries.append(
                CountsTable.Entry(
                    offenses: k.offenses.map { ($0.category, $0.level) }, detainer: k.detainer.present,
                    isDuplicate: c.duplicateOf != nil))
        }
    }
}
