import Extraction
import FoiaCore
import Foundation
import Output
import RunStore
import Synchronization

/// The extractor's page cache backed by the run store: each page read is committed at once,
/// and a page already stored (the run before was killed in the middle of its file) is taken
/// from the store instead of being read or OCRed again.
final class StorePageCache: PageCache {
    private let store: RunStore
    private let identity: [InputDocument: StoredInput]
    private let fingerprint: String
    private let progress: (any RunProgress)?
    private let state = Mutex(Counts())

    struct Counts {
        var read = 0
        var reused = 0
        var failure: StoreError?
    }

    init(store: RunStore, identity: [InputDocument: StoredInput], fingerprint: String, progress: (any RunProgress)?) {
        self.store = store
        self.identity = identity
        self.fingerprint = fingerprint
        self.progress = progress
    }

    /// Pages read now and pages taken from the store, and the first store failure, if any.
    var counts: Counts { state.withLock { $0 } }

    func sha256(of input: InputDocument) -> String? {
        guard let sha = identity[input]?.sha256, !sha.isEmpty else { return nil }
        return sha
    }

    func opened(_ input: InputDocument, pageCount: Int) {
        progress?.documentOpened(pages: pageCount, bytes: max(0, identity[input]?.size ?? 0))
    }

    func storedPage(_ number: Int, of input: InputDocument) -> PageText? {
        guard let known = identity[input], !known.sha256.isEmpty,
            let data = try? store.page(known.key, number: number),
            let page = try? StoredPage.decode(data)
        else { return nil }
        state.withLock { $0.reused += 1 }
        progress?.pageDone(ocr: page.source == .ocr, reused: true)
        return page
    }

    func pageRead(_ page: PageText, of input: InputDocument) {
        defer { progress?.pageDone(ocr: page.source == .ocr, reused: false) }
        state.withLock { $0.read += 1 }
        guard let known = identity[input], !known.sha256.isEmpty else { return }
        let record = PageRecord.json(document: ExtractedDocument(input: input, sha256: known.sha256, pages: []), page: page)
        do {
            try store.savePage(
                known.key, number: page.number, sha256: known.sha256, fingerprint: fingerprint,
                encoded: StoredPage.encode(page), record: record)
        } catch {
            state.withLock { if $0.failure == nil { $0.failure = error } }
        }
    }
}
