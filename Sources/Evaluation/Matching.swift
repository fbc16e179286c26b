/// A truth communication and the predicted one found for it.
package struct MatchedPair: Sendable {
    package var path: String
    package var truth: TruthCommunication
    package var predicted: PredictedCommunication
}

/// One truth document with the predicted communications of the same PDF, paired two ways.
///
/// `strict` pairs need the same first and last page; `startOnly` pairs need only the same
/// first page. Several communications can start on one page (a cover letter and the first
/// email, two short printouts), so among equal keys a prediction of the same `kind` is
/// preferred, and otherwise they are paired in order (the truth in file order, predictions
/// sorted as the contract sorts them), each side used at most once.
package struct MatchedDocument: Sendable {
    package var truth: TruthDocument
    package var predicted: [PredictedCommunication]
    package var strict: [(truth: Int, predicted: Int)]
    package var startOnly: [(truth: Int, predicted: Int)]

    package init(truth: TruthDocument, predicted: [PredictedCommunication]) {
        self.truth = truth
        self.predicted = predicted.sorted { ($0.pageStart, $0.line) < ($1.pageStart, $1.line) }
        let truthKinds = truth.communications.map(\.kind)
        let predictedKinds = self.predicted.map(\.kind)
        strict = MatchedDocument.pair(
            truth.communications.map { [$0.pageStart, $0.pageEnd] }, truthKinds,
            self.predicted.map { [$0.pageStart, $0.pageEnd] }, predictedKinds)
        startOnly = MatchedDocument.pair(
            truth.communications.map { [$0.pageStart] }, truthKinds, self.predicted.map { [$0.pageStart] },
            predictedKinds)
    }

    /// Pairs equal keys, same kinds first, then in order of appearance.
    static func pair(
        _ truth: [[Int]], _ truthKinds: [String?], _ predicted: [[Int]], _ predictedKinds: [String?]
    ) -> [(truth: Int, predicted: Int)] {
        var byKey: [[Int]: [Int]] = [:]
        for (i, key) in predicted.enumerated() { byKey[key, default: []].append(i) }
        var used = Set<Int>()
        var partner: [Int: Int] = [:]
        for sameKindOnly in [true, false] {
            for (i, key) in truth.enumerated() where partner[i] == nil {
                let hit = byKey[key]?.first { j in
                    !used.contains(j) && (!sameKindOnly || predictedKinds[j] == truthKinds[i])
                }
                guard let j = hit else { continue }
                partner[i] = j
                used.insert(j)
            }
        }
        return partner.sorted { $0.key < $1.key }.map { (truth: $0.key, predicted: $0.value) }
    }

    /// The start-only pairs as values, for the field metrics.
    package var pairs: [MatchedPair] {
        startOnly.map {
            MatchedPair(path: truth.path, truth: truth.communications[$0.truth], predicted: predicted[$0.predicted])
        }
    }
}

/// Every truth document paired with the run's records.
package struct Matching: Sendable {
    package var documents: [MatchedDocument]
    /// Paths the run wrote that no truth file describes; not scored, but listed.
    package var pathsWithoutTruth: [String]

    package init(truth: TruthSet, records: [PredictedCommunication]) {
        let index = TruthPathIndex(paths: truth.documents.map(\.path))
        var byTruthPath: [String: [PredictedCommunication]] = [:]
        var without = Set<String>()
        for record in records {
            if let path = index.truthPath(for: record.path) {
                byTruthPath[path, default: []].append(record)
            } else {
                without.insert(record.path)
            }
        }
        documents = truth.documents.map { MatchedDocument(truth: $0, predicted: byTruthPath[$0.path] ?? []) }
        pathsWithoutTruth = without.sorted()
    }

    /// Matched communications (same first page) across all documents, in truth order.
    package var pairs: [MatchedPair] { documents.flatMap(\.pairs) }

    /// Truth documents the run wrote no communication for.
    package var documentsWithoutOutput: [String] {
        documents.filter { $0.predicted.isEmpty }.map(\.truth.path)
    }
}
