import LeakSearch
import Foundation
import Output
import Verification

/// Everything `foiapipe eval` measured, ready to print or write.
package struct EvaluationReport: Sendable {
    package var truthFolder: String
    package var truthDocuments: Int
    package var truthCommunications: Int
    package var outputFolder: String
    /// The communications file read (relative to the output folder), or nil when there is none.
    package var recordsFile: String?
    package var records: Int
    package var pathsWithoutTruth: [String]
    package var documentsWithoutOutput: [String]
    package var segmentation: SegmentationScore
    package var headers: HeaderScore
    package var detainer: DetainerScore
    package var offenses: OffenseScore
    package var counts: CountsScore
    package var leaks: LeakScore
    package var overRedaction: KeepScore
}

/// Scores a run's output folder against truth files.
///
/// It only reads: the output folder is never changed except for `eval.json`, which the CLI
/// writes. Every metric reports whether it could be measured (`MetricStatus`), so running it
/// on a half-built pipeline gives the scores that exist and says what is missing.
package enum Evaluator {
    /// Reads the truth files and the output folder and computes every metric.
    ///
    /// - Throws: `EvaluationError` when a folder is missing or a truth or output file cannot
    ///   be read as its format says.
    package static func evaluate(
        truthFolder: String, outputFolder: String, pdfText: PDFTextReader = PDFTextReader()
    ) throws -> EvaluationReport {
        let truth = try TruthSet.load(folder: truthFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputFolder, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw EvaluationError("output folder '\(outputFolder)' does not exist; pass the --out folder of a run")
        }
        // The public file is the product, so it is scored when present; a run whose redaction
        // is not built yet is scored on its private file. Headers prefer the private file
        // (see `HeaderScore`).
        let publicRecords = try OutputRecords.load(outputFolder: outputFolder, isPublic: true)
        let privateRecords = try OutputRecords.load(outputFolder: outputFolder, isPublic: false)
        let output = publicRecords ?? privateRecords
        let matching = Matching(truth: truth, records: output?.records ?? [])
        let index = TruthPathIndex(paths: truth.documents.map(\.path))
        let corpus = PublishedCorpus.load(
            outputFolder: outputFolder, records: publicRecords, index: index, pdfText: pdfText)

        let noRecords = MetricStatus.notBuilt(
            "no \(OutputRecords.publicFile) or \(OutputRecords.privateFile) in the output folder")
        let pairs = matching.pairs
        return EvaluationReport(
            truthFolder: truthFolder,
            truthDocuments: truth.documents.count,
            truthCommunications: truth.communicationCount,
            outputFolder: outputFolder,
            recordsFile: output?.file,
            records: output?.records.count ?? 0,
            pathsWithoutTruth: matching.pathsWithoutTruth,
            documentsWithoutOutput: output == nil ? [] : matching.documentsWithoutOutput,
            segmentation: segmentationScore(matching: matching, output: output, noRecords: noRecords),
            headers: headerScore(truth: truth, records: privateRecords ?? publicRecords, noRecords: noRecords),
            detainer: output.map { DetainerScore(pairs: pairs, records: $0.records) }
                ?? DetainerScore(status: noRecords),
            offenses: output.map { OffenseScore(pairs: pairs, records: $0.records) } ?? OffenseScore(status: noRecords),
            counts: try countsScore(truth: truth, outputFolder: outputFolder),
            leaks: LeakScore(truth: truth, corpus: corpus),
            overRedaction: KeepScore(truth: truth, corpus: corpus))
    }

    /// Scores segmentation, unless the run wrote nothing for any truth document: that is a
    /// run over other PDFs (or a different root), and a recall of 0 would be a wrong answer
    /// to a question nobody asked.
    static func segmentationScore(matching: Matching, output: OutputRecords?, noRecords: MetricStatus)
        -> SegmentationScore
    {
        guard let output else { return SegmentationScore(status: noRecords) }
        guard matching.documents.contains(where: { !$0.predicted.isEmpty }) else {
            let seen = matching.pathsWithoutTruth.prefix(3).joined(separator: ", ")
            return SegmentationScore(
                status: .notBuilt(
                    "\(output.file) has no communication of any truth document"
                        + (seen.isEmpty ? "" : " (it has \(seen)\(matching.pathsWithoutTruth.count > 3 ? ", …" : ""))")
                        + "; evaluate the output of a run over the same PDFs"))
        }
        return SegmentationScore(matching: matching)
    }

    static func headerScore(truth: TruthSet, records: OutputRecords?, noRecords: MetricStatus) -> HeaderScore {
        guard let records else { return HeaderScore(status: noRecords) }
        let pairs = Matching(truth: truth, records: records.records).pairs
        guard records.isPublic else { return HeaderScore(pairs: pairs, file: records.file) }
        let matchers = Dictionary(
            uniqueKeysWithValues: truth.documents.map { doc in
                let targets = (doc.pii ?? []).map { LeakTarget(text: $0.text, type: $0.type) }
                return (doc.path, LeakMatcher(targets, partialNames: false))
            })
        return HeaderScore(pairs: pairs, file: records.file) { path, value in
            !(matchers[path]?.search(value).hits.isEmpty ?? true)
        }
    }

    static func countsScore(truth: TruthSet, outputFolder: String) throws -> CountsScore {
        let expected: CountsSheet
        switch CountsSheet.expected(from: truth) {
        case .success(let table): expected = table
        case .failure(let unavailable): return CountsScore(status: .noTruth(unavailable.reason))
        }
        let path = (outputFolder as NSString).appendingPathComponent(CountsFile.relativePath)
        guard let data = FileManager.default.contents(atPath: path) else {
            return CountsScore(status: .notBuilt("no \(CountsFile.relativePath) in the output folder"))
        }
        let predicted = try CountsSheet.parse(String(decoding: data, as: UTF8.self), file: path)
        return CountsScore(truth: expected, predicted: predicted)
    }

    /// Writes `eval.json` into the output folder, atomically (temporary file, then rename).
    package static func write(_ report: EvaluationReport, to outputFolder: String) throws -> String {
        let path = (outputFolder as NSString).appendingPathComponent("eval.json")
        let file: AtomicFile
        do {
            file = try AtomicFile(path: path)
        } catch {
            throw EvaluationError("\(error)")
        }
        do {
            try file.write(report.json())
            try file.commit()
        } catch {
            file.discard()
            throw EvaluationError("\(error)")
        }
        return path
    }
}
