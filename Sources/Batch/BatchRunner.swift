import Classification
import Extraction
import FoiaCore
import Foundation
import Output
import Redaction
import Rules
import RunStore
import Segmentation
import Synchronization

/// What a run did, for the exit status and the summary line.
public struct RunSummary: Sendable {
    /// Totals of the output (documents kept from earlier runs included).
    public var documents = 0
    public var failedDocuments = 0
    public var pages = 0
    public var ocrPages = 0
    public var communications = 0
    /// Documents unchanged since an earlier run into the same folder, not processed again.
    public var unchangedDocuments = 0
    /// Pages read in this run, and pages of interrupted documents taken from the store.
    public var pagesRead = 0
    public var pagesReused = 0
    /// Redacted spans in the published records, and pages with a redaction burned in.
    public var redactions = 0
    public var redactedPages = 0
    public var seconds = 0.0
    /// Wall time of the redact-and-publish pass alone.
    public var redactSeconds = 0.0
    /// Of it, the time spent writing `report.html`, `foiapipe.sqlite` and `metadata.json`.
    public var analystSeconds = 0.0
    /// Lines of `private/decisions.jsonl` the redact pass applied.
    public var reviewDecisions = 0
}

/// How a run is split and watched.
public struct RunOptions: Sendable {
    /// Process only this share of the inputs and stop before redaction (`foiapipe merge` finishes).
    public var shard: Shard?
    /// The pseudonym key file; `DIR/private/pseudonym.key` (created if absent) when nil.
    public var keyPath: String?
    public var progress: (any RunProgress)?

    public init(shard: Shard? = nil, keyPath: String? = nil, progress: (any RunProgress)? = nil) {
        self.shard = shard
        self.keyPath = keyPath
        self.progress = progress
    }
}

/// Runs the pipeline over a batch in two passes, with its state in a run store.
///
/// 1. Extract, segment, classify and detect persons, document by document (in parallel);
///    each page is committed to `private/run.sqlite` when read and each document's result
///    when it completes. Documents already complete in the store (same content, same
///    settings) are skipped, and a document interrupted half way resumes at its next page.
///    The private outputs and the counts are then rebuilt from the store in input order.
/// 2. Redact and publish each document with the complete registry of the dump, so a person
///    identified in a later file is also redacted in an earlier one.
///
/// One document's failure is written to `errors.jsonl` and the batch goes on. Every output
/// file is written under a temporary name and renamed when the batch completes.
public struct BatchRunner: Sendable {
    public var pipeline: PipelineConfig
    public var classification: ClassificationRules
    public var piiRules: PIIRules
    public var jobs: Int
    /// Writes the redacted PDF of one document; nil to publish records only. Its error is the
    /// document's line in `errors.jsonl`, code and all.
    public var publisher:
        (@Sendable (_ source: String, _ pages: [RedactedPage], _ destination: String) throws(DocumentError) -> Void)?
    /// The executable whose hidden `extract-worker` subcommand extracts the documents, one
    /// process per worker, so a poppler crash is one document's error; nil to extract in
    /// this process (library tests). The CLI passes its own executable.
    public var extractorExecutable: String?

    public init(
        pipeline: PipelineConfig, classification: ClassificationRules, piiRules: PIIRules, jobs: Int,
        publisher: (@Sendable (String, [RedactedPage], String) throws(DocumentError) -> Void)? = nil
    ) {
        self.pipeline = pipeline
        self.classification = classification
        self.piiRules = piiRules
        self.jobs = jobs
        self.publisher = publisher
    }

    public func run(inputs: [InputDocument], outputDirectory: String, options: RunOptions = RunOptions())
        throws(BatchError) -> RunSummary
    {
        let start = Date()
        let layout = OutputLayout(outputDirectory)
        let store = try layout.openStore()
        let fingerprint = RunFingerprint.current(pipeline)
        var summary = RunSummary()

        options.progress?.begin(.hashing(files: inputs.count))
        let identified = InputIdentity.identify(
            inputs, known: (try? store.inputs()) ?? [], jobs: jobs, progress: options.progress)
        var selected = Array(zip(inputs, identified))
        if let shard = options.shard {
            selected = selected.filter { shard.contains(sha256: $0.1.sha256) || ($0.1.sha256.isEmpty && shard.index == 1) }
        }
        do {
            try store.setMeta([
                "complete": "0", "shard": options.shard?.description ?? "", "fingerprint": fingerprint.documents,
                "rules": fingerprint.rules, "inputs_digest": InputIdentity.digest(identified),
            ])
            try store.replaceInputs(
                selected.map(\.1), pageFingerprint: fingerprint.pages, documentFingerprint: fingerprint.documents)
        } catch {
            throw .store(error)
        }

        // The redact pass takes back the detect pass's scans of the same texts.
        let memo = options.shard == nil ? ScanMemo() : nil
        try pass1(
            selected, store: store, fingerprint: fingerprint, memo: memo, progress: options.progress, summary: &summary)

        let keys = selected.map(\.1.key)
        if options.shard != nil {
            // A shard stops here: the merge redacts with the registry of every shard.
            options.progress?.begin(.writing(documents: keys.count))
            let outputs = try PrivateOutputs(layout, writeCounts: false)
            do {
                _ = try outputs.write(keys, store: store, summary: &summary, progress: options.progress)
                try outputs.commit()
                try outputs.errors.commit()
                try store.setMeta(["complete": "1"])
                try PrivateFolder.lock(layout.privateDir)
            } catch let error as BatchError {
                outputs.discard()
                throw error
            } catch {
                outputs.discard()
                throw .output("\(error)")
            }
            options.progress?.finish()
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        try publish(
            selected.map { ($0.1.key, $0.0) }, store: store, layout: layout, keyPath: options.keyPath, memo: memo,
            progress: options.progress, summary: &summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Pass 1 over the documents that have no complete result in the store.
    private func pass1(
        _ selected: [(InputDocument, StoredInput)], store: RunStore, fingerprint: RunFingerprint, memo: ScanMemo?,
        progress: (any RunProgress)?, summary: inout RunSummary
    ) throws(BatchError) {
        var todo: [(InputDocument, StoredInput)] = []
        for item in selected {
            var done = false
            do {
                if !item.1.sha256.isEmpty { done = try store.isComplete(item.1.key) }
            } catch {
                throw .store(error)
            }
            if !done { todo.append(item) }
        }
        summary.unchangedDocuments = selected.count - todo.count
        progress?.begin(.extracting(documents: todo.count, bytes: todo.reduce(0) { $0 + max(0, $1.1.size) }))
        guard !todo.isEmpty else { return }

        let wordList: WordList
        do {
            wordList = try WordList.load(path: pipeline.extraction.dictionary)
        } catch {
            throw .usage("\(error)")
        }
        let cache = StorePageCache(
            store: store, identity: Dictionary(todo.map { ($0.0, $0.1) }) { a, _ in a },
            fingerprint: fingerprint.pages, progress: progress)
        var extractor = Extractor(
            config: pipeline.extraction, jobs: jobs, wordList: wordList, childExecutable: extractorExecutable)
        extractor.pageCache = cache
        let segmenter = Segmenter(config: pipeline.segmentation)
        let classifier = Classifier(rules: classification)
        // Detection does not use the pseudonym key; only pass 2 does.
        let detector = Redactor(rules: piiRules, key: [UInt8](repeating: 0, count: 32), scanMemo: memo)
        let keys = Dictionary(todo.map { ($0.0, $0.1.key) }) { a, _ in a }
        let failure = Mutex<BatchError?>(nil)
        let docFingerprint = fingerprint.documents
        extractor.run(
            todo.map(\.0),
            prepare: { doc in
                // Per-document stages run on the worker that finished the document, and the
                // result is committed at once: the store does not care about order.
                let communications = doc.failure == nil ? segmenter.segment(doc) : []
                var registry = detector.detect(communications)
                for page in doc.pages { registry.merge(detector.detect(page: page, roles: segmenter.roles(of: page))) }
                registry.place(inDocument: doc.input.relativePath)
                var errorLines = doc.errors.map { PageRecord.errorJSON(path: doc.input.relativePath, error: $0) }
                if let f = doc.failure { errorLines = [PageRecord.errorJSON(path: doc.input.relativePath, error: f)] }
                let stored = StoredDocument(
                    sha256: doc.sha256, pages: doc.pages.count, ocrPages: doc.pages.filter { $0.source == .ocr }.count,
                    failed: doc.failure != nil, errorLines: errorLines, communications: communications,
                    classifications: communications.map(classifier.classify), registry: registry)
                guard let key = keys[doc.input] else { return }
                do {
                    try store.saveDocument(
                        key, sha256: doc.sha256, fingerprint: docFingerprint, complete: stored.isComplete,
                        result: stored.encoded())
                } catch let error as StoreError {
                    failure.withLock { if $0 == nil { $0 = .store(error) } }
                } catch {
                    failure.withLock { if $0 == nil { $0 = .output("cannot encode \(doc.input.relativePath): \(error)") } }
                }
            },
            sink: { _ in })
        let counts = cache.counts
        summary.pagesRead = counts.read
        summary.pagesReused = counts.reused
        if let error = counts.failure { throw .store(error) }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Rebuilds the private outputs from the store, then pass 2: redact and publish every
    /// document with the whole dump's registry. `documents` are in output order.
    func publish(
        _ documents: [(InputKey, InputDocument)], store: RunStore, layout: OutputLayout, keyPath: String?,
        memo: ScanMemo? = nil, progress: (any RunProgress)?, summary: inout RunSummary
    ) throws(BatchError) {
        let key: [UInt8]
        do {
            key = try PseudonymKey.loadOrCreate(at: keyPath ?? layout.privateDir + "/pseudonym.key")
        } catch {
            throw .usage("\(error)")
        }
        let redactor = Redactor(rules: piiRules, key: key, scanMemo: memo)
        // The pages are read again as in pass 1, with the same line roles.
        let segmenter = Segmenter(config: pipeline.segmentation)

        progress?.begin(.writing(documents: documents.count))
        // The reviewer's decisions (`foiapipe review`) go into the registry, whole-dump
        // decisions at once and per-document ones as each document is redacted; withheld
        // pages are left out of the counts too.
        let decisions = try ReviewFile.load(layout.privateDir)
        let classifier = Classifier(rules: classification)
        let files = try PrivateOutputs(layout, writeCounts: true)
        var written: DumpState
        do {
            written = try files.write(
                documents.map(\.0), store: store, summary: &summary, progress: progress,
                withheld: decisions.withheldPages.mapValues { Set($0.keys) }, classifier: classifier)
        } catch {
            files.discard()
            throw error
        }
        written.registry = written.registry.applying(decisions)
        let dump = written
        summary.reviewDecisions = decisions.count

        let redactStart = Date()
        progress?.begin(.redacting(documents: documents.count))
        let publisher = self.publisher
        let publication: PublicationFiles
        let analyst: AnalystOutputs
        do {
            publication = try PublicationFiles(layout, registry: dump.registry, pseudonyms: redactor.pseudonyms)
            analyst = try AnalystOutputs(layout)
        } catch {
            files.discard()
            throw .output("\(error)")
        }
        let writeError = Mutex<String?>(nil)
        let totals = Mutex((redactions: 0, pages: 0, failed: 0, unpublished: Set<InputKey>()))
        let analystTime = Mutex(0.0)
        orderedParallel(
            count: documents.count, jobs: jobs, weight: { dump.pages[documents[$0].0] ?? 0 },
            work: { index -> Published? in
                let (storeKey, input) = documents[index]
                guard !dump.failed.contains(storeKey) else { return nil }
                return Published.make(
                    key: storeKey, input: input, store: store, layout: layout, redactor: redactor, segmenter: segmenter,
                    classifier: classifier, dump: dump, publisher: publisher)
            },
            sink: { published in
                progress?.itemDone()
                guard let published else { return }
                do {
                    try publication.write(published, errors: files.errors)
                    // As communications.jsonl: a document whose redacted copy failed is not published.
                    if published.error == nil {
                        let t0 = Date()
                        try analyst.write(published.communications)
                        analystTime.withLock { $0 += Date().timeIntervalSince(t0) }
                    }
                } catch {
                    writeError.withLock { $0 = "\(error)" }
                }
                totals.withLock { t in
                    t.redactions += published.redactionCount
                    t.pages += published.redactedPages
                    if published.error != nil {
                        t.failed += 1
                        t.unpublished.insert(published.key)
                    }
                }
            })
        if let message = writeError.withLock({ $0 }) {
            files.discard()
            publication.discard()
            analyst.discard()
            throw .output(message)
        }
        let t = totals.withLock { $0 }
        summary.redactions = t.redactions
        summary.redactedPages = t.pages
        summary.failedDocuments += t.failed
        do {
            try files.commit(unpublished: t.unpublished)
            try publication.commit()
            let t0 = Date()
            try analyst.commit(summary)
            summary.analystSeconds = analystTime.withLock { $0 } + Date().timeIntervalSince(t0)
            try files.errors.commit()
            try store.setMeta(["complete": "1"])
            try PrivateFolder.lock(layout.privateDir)
        } catch let error as BatchError {
            throw error
        } catch {
            throw .output("\(error)")
        }
        // A document whose copy failed keeps no earlier copy either: its records are not published.
        OutputCleanup.removeUnlisted(
            redactedUnder: layout.publicDir + "/redacted",
            keep: Set(documents.filter { !t.unpublished.contains($0.0) }.map(\.1.relativePath)))
        progress?.finish()
        summary.redactSeconds = Date().timeIntervalSince(redactStart)
    }
}

/// Where a run's files go.
struct OutputLayout: Sendable {
    let root: String
    var privateDir: String { root + "/private" }
    var publicDir: String { root + "/public" }
    var store: String { privateDir + "/run.sqlite" }

    init(_ root: String) { self.root = root }

    /// Creates the folder, clears what a killed run left, and opens (locks) its store.
    func openStore() throws(BatchError) -> RunStore {
        do {
            try PrivateFolder.lock(privateDir)
        } catch {
            throw .output("\(error)")
        }
        let store: RunStore
        do {
            store = try RunStore(path: self.store)
        } catch {
            throw .store(error)
        }
        // Only after taking the lock: the temporary files may be another live run's otherwise.
        OutputCleanup.removeTemporaryFiles(in: [root, privateDir, publicDir])
        // The spool folder of foiapipe before the run store.
        try? FileManager.default.removeItem(atPath: privateDir + "/work")
        return store
    }
}
