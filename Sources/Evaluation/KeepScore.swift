import LeakSearch
import Verification

/// Strings that should have stayed readable but did not (over-redaction).
///
/// Each truth `keep` string (an official's name, a work address, an agency) is looked for in
/// its document's published records and redacted PDF text. One that is nowhere to be found
/// was redacted (or lost). The search is the leak search's (`LeakMatcher`, whole forms only): case, accents,
/// whitespace and punctuation are ignored, office phones are compared digit by digit, and an
/// official's name may carry one OCR error. Scanned pages reach the JSON through OCR, and
/// "robert.flaherty @ pd.boston.gov" read from a scan is the address kept, not redacted.
/// Documents for which nothing was published are left out and listed, so a failed document
/// does not read as over-redaction.
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
            let keeps = (doc.keep ?? []).filter { $0.text.contains { $0.isLetter || $0.isNumber } }
            let matcher = LeakMatcher(
                keeps.map { LeakTarget(text: $0.text, type: KeepScore.searchType($0.kind)) }, partialNames: false)
            var found = Set<Int>()
            for text in texts where found.count < keeps.count {
                found.formUnion(matcher.search(text.text).hits.map(\.target))
            }
            total += keeps.count
            for (i, keep) in keeps.enumerated() where !found.contains(i) {
                missing.append(Missing(path: doc.path, text: keep.text, kind: keep.kind))
            }
        }
    }

    /// The PII type whose search rules suit a kind of kept string.
    static func searchType(_ kind: String?) -> String {
        switch kind {
        case "official_name": "person_name"
        case "office_phone": "phone"
        default: "keep"
        }
    }
}
