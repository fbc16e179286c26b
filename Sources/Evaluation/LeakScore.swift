import LeakSearch
import Verification

/// Truth PII found in what the run published.
///
/// Every truth `pii` string is searched in everything published: every string value of
/// `communications.jsonl`, the text layer of every page of the redacted PDFs, and every line
/// of `counts.csv`, with `verify`'s matcher (`LeakMatcher`). The search is not limited to the
/// document the string was labelled in: a message printed twice in a dump carries its
/// private names into both copies, whichever truth file lists them. Each (string, place)
/// found is one leak. A name found only by the one-edit rule is not a leak when the words
/// found are all words of `keep` strings: an official a letter away from a private person is
/// the official. Partial forms of a name are leaks too (`LeakForm`): a surname alone or one
/// edit from it only in the documents that label the name.
package struct LeakScore: Sendable {
    package struct Leak: Sendable, Equatable {
        package var text: String
        package var type: String
        package var file: String
        package var location: String
        package var match: LeakForm
        /// The published text that matched, when it differs from `text`.
        package var found: String
    }

    package struct TypeCount: Sendable, Equatable {
        package var type: String
        /// Distinct truth strings of this type found at least once.
        package var strings: Int
        package var occurrences: Int
    }

    package var status: MetricStatus
    package var sources: [PublishedCorpus.Source] = []
    package var piiStrings = 0
    package var leaks: [Leak] = []
    package var byType: [TypeCount] = []
    /// Fuzzy or partial name matches dropped because every word matched is a word of a `keep`
    /// string: "Sean Kelly" the detective is not an OCR error of "Sean Kelley".
    package var ocrVariantsOfKeeps = 0
    /// Fuzzy or partial name matches dropped because they are ordinary words printed in lower
    /// case: "comes" is not an OCR error of "Gomes", nor "and rape" of "Andrade".
    package var ocrVariantsThatAreWords = 0

    package var stringsLeaked: Int { byType.reduce(0) { $0 + $1.strings } }

    package init(status: MetricStatus, sources: [PublishedCorpus.Source] = []) {
        self.status = status
        self.sources = sources
    }

    package init(truth: TruthSet, corpus: PublishedCorpus) {
        sources = corpus.sources
        let labelled = truth.documents.filter { $0.pii != nil }
        guard !labelled.isEmpty else {
            status = .noTruth("no truth file labels 'pii'")
            return
        }
        guard !corpus.isEmpty else {
            status = .notBuilt("nothing published: no public/communications.jsonl, redacted PDF or counts.csv")
            return
        }
        status = .ok
        var entries: [TruthPII] = []
        var index: [String: Int] = [:]
        // The documents that label each entry. A one-word entry (`Martinez` after `Dear Mr.`,
        // a given name) names a private person only in its own document: elsewhere in a real
        // dump the same word can be an official's name (Sgt. Martinez), so it is searched
        // there only. Longer strings are searched in the whole publication.
        var labelledIn: [Set<String>] = []
        for doc in labelled {
            for entry in doc.pii ?? [] {
                let key = entry.type + "\u{0}" + entry.text
                if let i = index[key] {
                    labelledIn[i].insert(doc.path)
                } else {
                    index[key] = entries.count
                    entries.append(entry)
                    labelledIn.append([doc.path])
                }
            }
        }
        piiStrings = entries.count
        let targets = entries.indices.map {
            LeakTarget(text: entries[$0].text, type: entries[$0].type, documents: labelledIn[$0])
        }
        let matcher = LeakMatcher(targets, keep: truth.documents.flatMap { ($0.keep ?? []).map(\.text) })
        var leakedStrings: [String: Set<Int>] = [:]
        var occurrences: [String: Int] = [:]
        for text in corpus.texts {
            let result = matcher.search(text.text, document: text.truthPath)
            ocrVariantsOfKeeps += result.ignoredKeepVariants
            ocrVariantsThatAreWords += result.ignoredOrdinaryWords
            for hit in result.hits {
                let entry = entries[hit.target]
                if let path = text.truthPath, !labelledIn[hit.target].contains(path),
                    !entry.text.contains(where: \.isWhitespace)
                {
                    continue
                }
                leaks.append(
                    Leak(
                        text: entry.text, type: entry.type, file: text.file, location: text.location, match: hit.form,
                        found: hit.found))
                leakedStrings[entry.type, default: []].insert(hit.target)
                occurrences[entry.type, default: 0] += 1
            }
        }
        byType = occurrences.keys.sorted().map {
            TypeCount(type: $0, strings: leakedStrings[$0]?.count ?? 0, occurrences: occurrences[$0] ?? 0)
        }
    }
}
