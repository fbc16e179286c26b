import Dispatch
import FoiaCore
import Foundation
import Rules
import Synchronization

/// Extracts many documents with a fixed number of workers and hands them on in input order.
///
/// Pages of all documents are spread over `jobs` worker threads, each with its own
/// tesseract engine and poppler handles, held in an extractor process of the worker's own
/// when `childExecutable` is set (so a crash in either library costs one document or page). Finished documents are passed to `sink` one at a
/// time, strictly in input order, so output is deterministic whatever the timing. Memory is
/// bounded by the job count: a worker renders one page at a time, and no new document is
/// opened while more than `windowPages` pages wait to be handed on.
public struct Extractor: Sendable {
    public var config: ExtractionConfig
    public var jobs: Int
    public var wordList: WordList
    public var windowPages: Int
    /// Pages read by an earlier, interrupted run, and where to keep pages read now.
    public var pageCache: (any PageCache)?

    /// The executable whose hidden `extract-worker` subcommand reads documents for the workers,
    /// one process each, so that a crash in poppler or tesseract becomes one document's
    /// `extractorCrashed` error; nil to read in the workers' own threads (tests, fuzzing).
    public var childExecutable: String?

    public init(
        config: ExtractionConfig, jobs: Int, wordList: WordList, windowPages: Int = 2048, childExecutable: String? = nil
    ) {
        self.config = config
        self.jobs = max(1, jobs)
        self.wordList = wordList
        self.windowPages = windowPages
        self.childExecutable = childExecutable
    }

    /// Runs the extraction; `sink` is called once per document, in order, never concurrently.
    public func run(_ inputs: [InputDocument], sink: @escaping @Sendable (ExtractedDocument) -> Void) {
        run(inputs, prepare: { $0 }, sink: sink)
    }

    /// Runs the extraction, then `prepare` on each finished document on the worker that
    /// finished it (so later per-document stages run in parallel too), then `sink` on the
    /// prepared values in input order, one at a time.
    public func run<Prepared: Sendable>(
        _ inputs: [InputDocument], prepare: @escaping @Sendable (ExtractedDocument) -> Prepared,
        sink: @escaping @Sendable (Prepared) -> Void
    ) {
        let schedule = Schedule<Prepared>(inputs: inputs, windowPages: windowPages)
        let config = self.config
        let wordList = self.wordList
        let cache = self.pageCache
        let executable = self.childExecutable
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let reader: any DocumentReading =
                executable.map { ExtractorProcess(executable: $0, config: config) }
                ?? WorkerContext(config: config, wordList: wordList)
            defer { reader.close() }
            // The document this worker has open, which it keeps to while it has pages left.
            var holding: Int?
            while let task = schedule.next(holding: holding) {
                var completed: (index: Int, document: ExtractedDocument)?
                switch task {
                case .open(let index):
                    holding = index
                    let input = inputs[index]
                    let sha = cache?.sha256(of: input) ?? sha256Hex(ofFile: input.path) ?? ""
                    do throws(DocumentError) {
                        let pageCount = try reader.pageCount(at: input.path)
                        cache?.opened(input, pageCount: pageCount)
                        completed = schedule.opened(index, sha256: sha, pageCount: pageCount)
                    } catch {
                        completed = schedule.failed(index, sha256: sha, error: error)
                    }
                case .page(let index, let number):
                    holding = index
                    var result: Result<PageText, DocumentError>
                    if let stored = cache?.storedPage(number, of: inputs[index]) {
                        result = .success(stored)
                    } else {
                        do throws(DocumentError) {
                            result = .success(try reader.page(number, at: inputs[index].path))
                        } catch {
                            result = .failure(error)
                        }
                        if case .success(let page) = result { cache?.pageRead(page, of: inputs[index]) }
                    }
                    completed = schedule.finished(index, page: number, result: result)
                }
                if let doc = completed {
                    schedule.prepared(doc.index, prepare(doc.document))
                }
                schedule.flush(sink)
            }
        }
        schedule.flush(sink)
    }
}

/// Pages kept from an earlier run, and the place to keep new ones, so that a run killed in
/// the middle of a long scanned file resumes at the page it stopped on instead of OCRing the
/// file again.
public protocol PageCache: Sendable {
    /// The file's hash when the caller already knows it, so the file is not read twice.
    func sha256(of input: InputDocument) -> String?
    /// Called when a document is opened, with its page count.
    func opened(_ input: InputDocument, pageCount: Int)
    /// A page read by an earlier run, or nil to read it now.
    func storedPage(_ number: Int, of input: InputDocument) -> PageText?
    /// Called on the worker that read the page, once for each page read now.
    func pageRead(_ page: PageText, of input: InputDocument)
}

/// The shared work list: which document to open next, which page to read, what is done.
final class Schedule<Prepared: Sendable>: Sendable {
    enum Task {
        case open(Int)
        case page(Int, Int)
    }

    private struct Pending {
        var sha256 = ""
        var pageCount = 0
        var nextPage = 1
        var done = 0
        var pages: [Int: PageText] = [:]
        var errors: [Int: DocumentError] = [:]
        var isOpen = false
        /// Workers whose open document this is.
        var holders = 0
    }

    private struct State {
        var nextToOpen = 0
        var opening = 0
        var pending: [Int: Pending] = [:]
        var ready: [Int: Prepared] = [:]
        var held: [Int: Int] = [:]
        var nextToEmit = 0
        var emitting = false
        var heldPages = 0
    }

    private let inputs: [InputDocument]
    private let windowPages: Int
    private let state = Mutex(State())

    init(inputs: [InputDocument], windowPages: Int) {
        self.inputs = inputs
        self.windowPages = windowPages
    }

    /// The next thing to do for a worker that has document `holding` open, waiting while others
    /// open documents or the window is full; nil when all is done.
    ///
    /// A worker keeps to its document while it has pages left, then takes an open document no
    /// other worker reads, then opens the next one, and only then helps another worker with
    /// its document. Each worker reading a document opens its own poppler handle, and each
    /// handle loads the fonts again for its first rendered page (a system substitute for each
    /// non-embedded font, read and parsed whole: about a quarter of the box search on text
    /// pages), so two workers on one document cost more than two on two documents.
    func next(holding: Int? = nil) -> Task? {
        while true {
            let decision: Task?? = state.withLock { s in
                func page(_ index: Int) -> Task? {
                    guard var p = s.pending[index], p.isOpen, p.nextPage <= p.pageCount else { return nil }
                    let number = p.nextPage
                    p.nextPage += 1
                    if index != holding { p.holders += 1 }
                    s.pending[index] = p
                    if let holding, index != holding { s.pending[holding]?.holders -= 1 }
                    return .page(index, number)
                }
                if let holding, let task = page(holding) { return .some(task) }
                let open = s.pending.keys.sorted()
                // Earliest first among documents no one reads: it is the one the sink waits for.
                for index in open where (s.pending[index]?.holders ?? 0) == 0 {
                    if let task = page(index) { return .some(task) }
                }
                if s.nextToOpen < inputs.count && s.heldPages < windowPages && s.opening < 2 {
                    let index = s.nextToOpen
                    s.nextToOpen += 1
                    s.opening += 1
                    s.pending[index] = Pending(holders: 1)
                    if let holding { s.pending[holding]?.holders -= 1 }
                    return .some(.open(index))
                }
                for index in open {
                    if let task = page(index) { return .some(task) }
                }
                let allHandedOut = s.pending.values.allSatisfy { $0.isOpen && $0.nextPage > $0.pageCount }
                if s.nextToOpen >= inputs.count && s.opening == 0 && allHandedOut {
                    return .some(nil)
                }
                return nil
            }
            switch decision {
            case .some(let task): return task
            case .none: usleep(1000)
            }
        }
    }

    /// Records an opened document; returns it when it has no pages (it is complete at once).
    func opened(_ index: Int, sha256: String, pageCount: Int) -> (index: Int, document: ExtractedDocument)? {
        state.withLock { s in
            s.opening -= 1
            s.pending[index]?.sha256 = sha256
            s.pending[index]?.pageCount = pageCount
            s.pending[index]?.isOpen = true
            s.heldPages += pageCount
            s.held[index] = pageCount
            return pageCount == 0 ? complete(index, &s) : nil
        }
    }

    func failed(_ index: Int, sha256: String, error: DocumentError) -> (index: Int, document: ExtractedDocument) {
        state.withLock { s in
            s.opening -= 1
            s.pending[index] = nil
            return (index, ExtractedDocument(input: inputs[index], sha256: sha256, pages: [], failure: error))
        }
    }

    /// Records a page; returns the document when this was its last page.
    func finished(_ index: Int, page: Int, result: Result<PageText, DocumentError>) -> (
        index: Int, document: ExtractedDocument
    )? {
        state.withLock { s in
            switch result {
            case .success(let text): s.pending[index]?.pages[page] = text
            case .failure(let error): s.pending[index]?.errors[page] = error
            }
            s.pending[index]?.done += 1
            guard let p = s.pending[index], p.done == p.pageCount else { return nil }
            return complete(index, &s)
        }
    }

    private func complete(_ index: Int, _ s: inout State) -> (index: Int, document: ExtractedDocument)? {
        guard let p = s.pending.removeValue(forKey: index) else { return nil }
        let pages = p.pages.keys.sorted().compactMap { p.pages[$0] }
        let errors = p.errors.keys.sorted().compactMap { p.errors[$0] }
        return (index, ExtractedDocument(input: inputs[index], sha256: p.sha256, pages: pages, errors: errors))
    }

    func prepared(_ index: Int, _ value: Prepared) {
        state.withLock { s in
            s.ready[index] = value
        }
    }

    /// Hands prepared documents to the sink in input order; only one thread does so at a time.
    func flush(_ sink: (Prepared) -> Void) {
        while true {
            let ready: Prepared? = state.withLock { s in
                guard !s.emitting, let value = s.ready.removeValue(forKey: s.nextToEmit) else { return nil }
                s.heldPages -= s.held.removeValue(forKey: s.nextToEmit) ?? 0
                s.nextToEmit += 1
                s.emitting = true
                return value
            }
            guard let value = ready else { return }
            sink(value)
            state.withLock { $0.emitting = false }
        }
    }
}

extension Extractor {
    /// Extracts the given documents and returns them in order; for tests and small batches.
    public func extractAll(_ inputs: [InputDocument]) -> [ExtractedDocument] {
        let collected = Mutex<[ExtractedDocument]>([])
        run(inputs) { doc in collected.withLock { $0.append(doc) } }
        return collected.withLock { $0 }
    }
}
