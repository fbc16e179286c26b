import Foundation

/// A piece of published text and where it was found.
package struct PublishedText: Sendable {
    /// The file, relative to the output folder (`public/redacted/a.pdf`).
    package var file: String
    /// Where in the file: `line 3, header.to[0]`, `page 2`, `line 4`.
    package var location: String
    /// The truth document this text belongs to, for the over-redaction search; nil for text
    /// of no one document (`counts.csv`) or of a PDF no truth file describes.
    package var truthPath: String?
    package var text: String

    package init(file: String, location: String, truthPath: String?, text: String) {
        self.file = file
        self.location = location
        self.truthPath = truthPath
        self.text = text
    }
}

/// Everything a run published, cut into searchable pieces: the string values of
/// `public/communications.jsonl`, the text layer of each page of `public/redacted/**.pdf`,
/// and the lines of `public/counts.csv`.
package struct PublishedCorpus: Sendable {
    /// What happened to one published source, for the report.
    package struct Source: Sendable, Equatable {
        package var name: String
        /// `searched`, `absent`, or why it was not read.
        package var state: String
    }

    package var texts: [PublishedText] = []
    package var sources: [Source] = []
    package var hasRecords = false
    package var hasPDFs = false
    package var hasCounts = false

    package init(texts: [PublishedText] = [], sources: [Source] = []) {
        self.texts = texts
        self.sources = sources
    }

    package var isEmpty: Bool { !hasRecords && !hasPDFs && !hasCounts }

    /// Reads what is published under `outputFolder/public`.
    ///
    /// - Parameters:
    ///   - records: the run's records; their strings are used only when they come from the
    ///     public file.
    ///   - index: maps a published file's path to its truth document.
    package static func load(
        outputFolder: String, records: OutputRecords?, index: TruthPathIndex, pdfText: PDFTextReader
    ) -> PublishedCorpus {
        var corpus = PublishedCorpus()
        if let records, records.isPublic {
            corpus.hasRecords = true
            for r in records.records {
                let truthPath = index.truthPath(for: r.path)
                for (key, value) in r.strings {
                    corpus.texts.append(
                        PublishedText(
                            file: records.file, location: "line \(r.line), \(key)", truthPath: truthPath, text: value))
                }
            }
            corpus.sources.append(Source(name: records.file, state: "searched (\(records.records.count) records)"))
        } else {
            corpus.sources.append(Source(name: OutputRecords.publicFile, state: "absent"))
        }
        corpus.addPDFs(outputFolder: outputFolder, index: index, pdfText: pdfText)
        let countsPath = (outputFolder as NSString).appendingPathComponent(CountsFile.relativePath)
        if let data = FileManager.default.contents(atPath: countsPath) {
            corpus.hasCounts = true
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where !line.isEmpty {
                corpus.texts.append(
                    PublishedText(
                        file: CountsFile.relativePath, location: "line \(i + 1)", truthPath: nil, text: String(line)))
            }
            corpus.sources.append(Source(name: CountsFile.relativePath, state: "searched"))
        } else {
            corpus.sources.append(Source(name: CountsFile.relativePath, state: "absent"))
        }
        return corpus
    }

    static let redactedFolder = "public/redacted"

    private mutating func addPDFs(outputFolder: String, index: TruthPathIndex, pdfText: PDFTextReader) {
        let folder = (outputFolder as NSString).appendingPathComponent(PublishedCorpus.redactedFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            sources.append(Source(name: PublishedCorpus.redactedFolder + "/", state: "absent"))
            return
        }
        let pdfs = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.lowercased().hasSuffix(".pdf") }.sorted()
        guard pdfText.executable != nil || pdfs.isEmpty else {
            sources.append(
                Source(
                    name: PublishedCorpus.redactedFolder + "/",
                    state: "not searched: pdftotext not found; install poppler-utils"))
            return
        }
        hasPDFs = !pdfs.isEmpty
        var searched = 0
        var failures: [String] = []
        for relative in pdfs {
            let truthPath = index.truthPath(for: relative)
            let file = PublishedCorpus.redactedFolder + "/" + relative
            do {
                let pages = try pdfText.pages(of: (folder as NSString).appendingPathComponent(relative))
                for (i, page) in pages.enumerated() {
                    texts.append(PublishedText(file: file, location: "page \(i + 1)", truthPath: truthPath, text: page))
                }
                searched += 1
            } catch {
                failures.append("\(relative): \(error)")
            }
        }
        var state =
            pdfs.isEmpty ? "absent (folder holds no PDF)" : "searched text layer of \(searched) of \(pdfs.count) PDFs"
        if !failures.isEmpty { state += "; not read: " + failures.joined(separator: "; ") }
        sources.append(Source(name: PublishedCorpus.redactedFolder + "/", state: state))
    }

    /// The published text of one truth document, for the over-redaction search.
    package func texts(of truthPath: String) -> [PublishedText] {
        texts.filter { $0.truthPath == truthPath }
    }
}

/// Where the run writes its counts.
package enum CountsFile {
    package static let relativePath = "public/counts.csv"
}
