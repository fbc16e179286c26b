/// Strings that should have stayed readable but did not (over-redaction).
///
/// Each truth `keep` string (an official's name, a work address, an agency) is looked for in
/// its document's published records and redacted PDF text, ignoring case and runs of
/// whitespace. One that is nowhere to be found was redacted (or lost). Documents for which
/// nothing was published are left out and listed, so a failed document does not read as
/// over-redaction.
package struct KeepScore: Sendable {
    package struct Missing: Sendable, Equatable {
        package var path: String
        package var text: String
        package var kind: String?
    }

    package var status: MetricStatus
    package var total = 0
    package var missing: [Missing] = []
    package var unsearchedDocuments: [String] = []

    /// Share of keep strings not found, from 0 to 1.
    package var missingShare: Double? { ratio(missing.count, total) }

    package init(status: MetricStatus) {
        self.status = status
    }

    package init(truth: TruthSet, corpus: PublishedCorpus) {
        let labelled = truth.documents.filter { $0.keep != nil }
        guard !labelled.isEmpty else {
            status = .noTruth("no truth file labels 'keep'")
            return
        }
        guard corpus.hasRecords || corpus.hasPDFs else {
            status = .notBuilt("nothing published: no public/communications.jsonl or redacted PDF")
            return
        }
        status = .ok
        for doc in labelled {
            let texts = corpus.texts(of: doc.path)
            guard !texts.isEmpty else {
                if !(doc.keep ?? []).isEmpty { unsearchedDocuments.append(doc.path) }
                continue
            }
            let haystack = texts.map { KeepScore.normalise($0.text) }.joined(separator: "\n")
            for keep in doc.keep ?? [] {
                let needle = KeepScore.normalise(keep.text)
                guard !needle.isEmpty else { continue }
                total += 1
                if !haystack.contains(needle) {
                    missing.append(Missing(path: doc.path, text: keep.text, kind: keep.kind))
                }
            }
        }
    }

    /// Lower-cased with every run of whitespace made one space.
    static func normalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
