import Dispatch
import FoiaCore
import FoiaTestSupport
import Foundation
import Publication
import Redaction
import Testing

/// Several documents written at once, as `foiapipe run --jobs N` does: cairo 1.16 once hung
/// for 20 minutes with two writers, so the writer serialises its PDF surfaces; this keeps
/// trying to make it hang.
///
/// `PUBLICATION_STRESS_ROUNDS` raises the number of rounds (default 2, each writing every
/// document from four threads at once).
@Suite struct ConcurrentWritingTests {
    /// Text-layer documents with their own embedded fonts (vector pages, whose fonts cairo
    /// subsets) and redactions (rasterised pages with a text layer in cairo's own font).
    static let sources: [String] = [
        Fixtures.repositoryRoot.appendingPathComponent("SampleDocs/ice-foia-2019-ICFO-18233.pdf").path,
        Fixtures.repositoryRoot.appendingPathComponent("SampleDocs/bpd-pr-19-0412/BPD-ICE-emails-part-1.pdf").path,
        Fixtures.path("text_layer_email.pdf"),
        Fixtures.path("rotated_page_text.pdf"),
        Fixtures.path("mixed_text_and_scan.pdf"),
    ]

    @Test func documentsWrittenFromFourThreadsAtOnceAllFinish() throws {
        let redactor = Redactor(rules: SampleRelease.rules, key: Array("stress key".utf8))
        var jobs: [(source: String, pages: [RedactedPage])] = []
        for source in Self.sources {
            let doc = SampleRelease.extract(source, ocr: .auto)
            try #require(doc.failure == nil && !doc.pages.isEmpty, "\(source): \(String(describing: doc.failure))")
            var registry = EntityRegistry()
            for p in doc.pages { registry.merge(redactor.detect(page: p, roles: TestStructure.roles(of: p))) }
            jobs.append((source, doc.pages.map { redactor.redact(page: $0, roles: TestStructure.roles(of: $0), registry: registry).page }))
        }
        #expect(jobs.contains { $0.pages.contains(where: \.mustRasterize) })
        #expect(jobs.contains { $0.pages.contains { !$0.mustRasterize } })

        let folder = temporaryFolder("publication-concurrent").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rounds = ProcessInfo.processInfo.environment["PUBLICATION_STRESS_ROUNDS"].flatMap(Int.init) ?? 2
        let threads = 4
        let failures = Failures()
        let group = DispatchGroup()
        let started = Date()
        for t in 0..<threads {
            group.enter()
            let work = jobs
            let thread = Thread {
                defer { group.leave() }
                for round in 0..<rounds {
                    // Each thread starts at another document, so different fonts meet.
                    for i in 0..<work.count {
                        let (source, pages) = work[(i + t) % work.count]
                        let output = "\(folder)/t\(t)/r\(round)/\(i).pdf"
                        do throws(PublicationError) {
                            try RedactedPDFWriter().write(source: source, pages: pages, to: output)
                            if PopplerFile(path: output)?.pageCount != pages.count { failures.add("\(output) unreadable") }
                        } catch {
                            failures.add("\(source): \(error)")
                        }
                    }
                }
            }
            thread.start()
        }
        // A hang shows as a timeout here rather than a test run that never ends.
        let limit = 120.0 + 30.0 * Double(rounds)
        let finished = group.wait(timeout: .now() + limit) == .success
        #expect(finished, "writers still busy after \(Int(Date().timeIntervalSince(started))) s: cairo hung")
        #expect(failures.all.isEmpty, "\(failures.all)")
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ s: String) { lock.withLock { list.append(s) } }
    var all: [String] { lock.withLock { list } }
}
