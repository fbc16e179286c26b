import Classification
import Extraction
import FoiaCore
import Foundation
import Output
import Redaction
import Rules
import Segmentation
import Synchronization

/// What a run did, for the exit status and the summary line.
public struct RunSummary: Sendable {
    public var documents = 0
    public var failedDocuments = 0
    public var pages = 0
    public var ocrPages = 0
    public var communications = 0
    /// Redacted spans in the published records, and pages with a redaction burned in.
    public var redactions = 0
    public var redactedPages = 0
    public var seconds = 0.0
    /// Wall time of the redact-and-publish pass alone.
    public var redactSeconds = 0.0
}

/// Runs the pipeline over a batch in two passes.
///
/// 1. Extract, segment, classify and detect persons, document by document (in parallel,
///    written in input order): the private outputs, the counts, and the dump's registry
///    of private persons and officials.
/// 2. Redact and publish each document with the complete registry, so a person identified
///    in a later file is also redacted in an earlier one.
///
/// Between the passes each document waits in `private/work/` (its pages and communications
/// as JSON), so memory stays bounded by the job count, not by the size of the dump. One
/// document's failure is written to `errors.jsonl` and the batch goes on. Every output file
/// is written under a temporary name and renamed when the batch completes.
public struct BatchRunner: Sendable {
    public var pipeline: PipelineConfig
    public var classification: ClassificationRules
    public var piiRules: PIIRules
    public var jobs: Int
    /// Writes the redacted PDF of one document; nil to publish records only.
    public var publisher: (@Sendable (_ source: String, _ pages: [RedactedPage], _ destination: String) throws -> Void)?

    public init(
        pipeline: PipelineConfig, classification: ClassificationRules, piiRules: PIIRules, jobs: Int,
        publisher: (@Sendable (String, [RedactedPage], String) throws -> Void)? = nil
    ) {
        self.pipeline = pipeline
        self.classification = classification
        self.piiRules = piiRules
        self.jobs = jobs
        self.publisher = publisher
    }

    public func run(inputs: [InputDocument], outputDirectory: String) throws -> RunSummary {
        let start = Date()
        let wordList = try WordList.load(path: pipeline.extraction.dictionary)
        let layout = OutputLayout(outputDirectory)
        try FileManager.default.createDirectory(atPath: layout.work, withIntermediateDirectories: true)
        let key = try PseudonymKey.loadOrCreate(at: layout.privateDir + "/pseudonym.key")
        let redactor = Redactor(rules: piiRules, key: key)

        let files = try PrivateFiles(layout)
        let summary = Mutex(RunSummary())
        let writeError = Mutex<String?>(nil)
        let failed = Mutex(Set<Int>())

        // Pass 1: extract, segment, classify, detect.
        let extractor = Extractor(config: pipeline.extraction, jobs: jobs, wordList: wordList)
        let segmenter = Segmenter(config: pipeline.segmentation)
        let classifier = Classifier(rules: classification)
        let indexOf = Dictionary(inputs.enumerated().map { ($1.path + "\u{0}" + $1.relativePath, $0) }) { a, _ in a }
        extractor.run(
            inputs,
            prepare: { doc in
                // Per-document stages run on the worker that finished the document.
                let communications = doc.failure == nil ? segmenter.segment(doc) : []
                var registry = redactor.detect(communications)
                for page in doc.pages { registry.merge(redactor.detect(page: page)) }
                return Processed(
                    index: indexOf[doc.input.path + "\u{0}" + doc.input.relativePath] ?? 0,
                    document: doc, pageRecords: doc.pages.map { PageRecord.json(document: doc, page: $0) },
                    pagesSpool: (try? Spool.encode(doc.pages)) ?? Data(),
                    communications: communications, classifications: communications.map(classifier.classify),
                    registry: registry)
            }
        ) { processed in
            let doc = processed.document
            do {
                try files.write(processed)
            } catch {
                writeError.withLock { $0 = "\(error)" }
            }
            if doc.failure != nil { failed.withLock { _ = $0.insert(processed.index) } }
            summary.withLock { s in
                s.documents += 1
                if doc.failure != nil || !doc.errors.isEmpty { s.failedDocuments += 1 }
                s.pages += doc.pages.count
                s.ocrPages += doc.pages.filter { $0.source == .ocr }.count
                s.communications += processed.communications.count
            }
        }
        if let message = writeError.withLock({ $0 }) {
            files.discard()
            throw UsageError("cannot write output: \(message)")
        }

        // Pass 2: redact and publish with the whole dump's registry.
        let redactStart = Date()
        let registry = files.registry
        let failedIndexes = failed.withLock { $0 }
        let publisher = self.publisher
        let publication = try PublicationFiles(layout)
        orderedParallel(
            count: inputs.count, jobs: jobs,
            work: { index -> Published? in
                guard !failedIndexes.contains(index) else { return nil }
                return Published.make(
                    index: index, input: inputs[index], layout: layout, redactor: redactor, registry: registry,
                    publisher: publisher)
            },
            sink: { published in
                guard let published else { return }
                do {
                    try publication.write(published, errors: files.errors)
                } catch {
                    writeError.withLock { $0 = "\(error)" }
                }
                summary.withLock { s in
                    s.redactions += published.redactionCount
                    s.redactedPages += published.redactedPages
                    if published.error != nil { s.failedDocuments += 1 }
                }
            })
        if let message = writeError.withLock({ $0 }) {
            files.discard()
            publication.discard()
            throw UsageError("cannot write output: \(message)")
        }
        try files.commit()
        try publication.commit()
        try files.commitErrors()
        try? FileManager.default.removeItem(atPath: layout.work)
        var result = summary.withLock { $0 }
        result.redactSeconds = Date().timeIntervalSince(redactStart)
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}

/// Where a run's files go.
struct OutputLayout: Sendable {
    let root: String
    var privateDir: String { root + "/private" }
    var publicDir: String { root + "/public" }
    var work: String { root + "/private/work" }

    init(_ root: String) { self.root = root }

    func spool(_ index: Int, _ part: String) -> String {
        work + "/" + String(format: "%06d", index) + "." + part + ".json"
    }
}

/// One document after the per-document stages of pass 1.
struct Processed: Sendable {
    var index: Int
    var document: ExtractedDocument
    /// The `pages.jsonl` lines, made in parallel; the ordered writer only writes them.
    var pageRecords: [String]
    /// The pages as the redact pass reads them back.
    var pagesSpool: Data
    var communications: [Communication]
    /// One per communication, same order.
    var classifications: [Classification]
    var registry: EntityRegistry
}

/// What pass 1 leaves for pass 2 of one document, besides its pages.
struct SpooledCommunications: Codable {
    var communications: [Communication]
    var classifications: [Classification]
}

enum Spool {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONEncoder().encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, at path: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// The private outputs of pass 1; used only from the ordered sinks, one call at a time.
private final class PrivateFiles: @unchecked Sendable {
    // The extractor and `orderedParallel` never call their sinks concurrently, and pass 2
    // starts after pass 1 has returned, which is what makes sharing these handles safe.
    let layout: OutputLayout
    let pages: AtomicFile
    let errors: AtomicFile
    let communications: AtomicFile
    let counts: AtomicFile
    let duplicates = DuplicateIndex()
    private var countEntries: [CountsTable.Entry] = []
    private(set) var registry = EntityRegistry()

    init(_ layout: OutputLayout) throws {
        self.layout = layout
        pages = try AtomicFile(path: layout.privateDir + "/pages.jsonl")
        errors = try AtomicFile(path: layout.root + "/errors.jsonl")
        communications = try AtomicFile(path: layout.privateDir + "/communications.jsonl")
        // Counts hold no text from the documents, so they are published as soon as they exist.
        counts = try AtomicFile(path: layout.publicDir + "/counts.csv")
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
        registry.merge(processed.registry)
        try processed.pagesSpool.write(to: URL(fileURLWithPath: layout.spool(processed.index, "pages")))
        try Spool.encode(SpooledCommunications(communications: records, classifications: processed.classifications))
            .write(to: URL(fileURLWithPath: layout.spool(processed.index, "communications")))
    }

    func commit() throws {
        try pages.commit()
        try counts.write(CountsTable(countEntries).csv)
        try communications.commit()
        try counts.commit()
    }

    func commitErrors() throws { try errors.commit() }

    func discard() {
        pages.discard()
        errors.discard()
        communications.discard()
        counts.discard()
    }
}
