/// How well the run names the offenses each communication attributes to someone.
///
/// Categories are scored as a multiset of (communication, category) over matched
/// communications whose truth labels offenses: a category listed in both is a true positive,
/// one only predicted a false positive, one only in the truth a false negative. Each
/// category found in both then pairs a truth offense with a predicted one, and their `level`
/// and `status` are checked. `severity` is checked once per matched communication.
package struct OffenseScore: Sendable {
    package struct Mismatch: Sendable, Equatable {
        package var path: String
        package var pageStart: Int
        /// `category`, `level`, `status` or `severity`.
        package var field: String
        package var truth: String
        package var predicted: String
    }

    package var status: MetricStatus
    package var categories = PrecisionRecall()
    package var levelStatus: MetricStatus = .ok
    package var level = Accuracy()
    package var statusStatus: MetricStatus = .ok
    package var offenseStatus = Accuracy()
    package var severityStatus: MetricStatus = .ok
    package var severity = Accuracy()
    package var mismatches: [Mismatch] = []

    package init(status: MetricStatus) {
        self.status = status
        levelStatus = status
        statusStatus = status
        severityStatus = status
    }

    package init(pairs: [MatchedPair], records: [PredictedCommunication]) {
        let labelled = pairs.filter { $0.truth.offenses != nil }
        guard !labelled.isEmpty else {
            self.init(
                status: .noTruth(
                    pairs.isEmpty ? "no communication matched" : "no matched communication labels 'offenses'"))
            return
        }
        guard records.contains(where: { $0.offenses != nil }) else {
            self.init(status: .notBuilt("no record has an 'offenses' list"))
            return
        }
        self.init(status: .ok)
        for pair in labelled {
            score(pair, truth: pair.truth.offenses ?? [], predicted: pair.predicted.offenses ?? [])
        }
        if level.total == 0 { levelStatus = .noTruth("no matched offense has a labelled level") }
        if offenseStatus.total == 0 { statusStatus = .noTruth("no matched offense has a labelled status") }

        let severityPairs = pairs.filter { $0.truth.severity != nil }
        if severityPairs.isEmpty {
            severityStatus = .noTruth("no matched communication labels 'severity'")
        } else if !records.contains(where: { $0.severity != nil }) {
            severityStatus = .notBuilt("no record has a 'severity' value")
        } else {
            for pair in severityPairs {
                let truth = pair.truth.severity ?? ""
                let right = truth == pair.predicted.severity
                severity.record(right)
                if !right { note(pair, "severity", truth, pair.predicted.severity ?? "null") }
            }
        }
    }

    private mutating func score(_ pair: MatchedPair, truth: [TruthOffense], predicted: [TruthOffense]) {
        var waiting: [String: [TruthOffense]] = Dictionary(grouping: predicted, by: \.category)
        for t in truth {
            guard var queue = waiting[t.category], !queue.isEmpty else {
                categories.falseNegatives += 1
                note(pair, "category", t.category, "missing")
                continue
            }
            let p = queue.removeFirst()
            waiting[t.category] = queue
            categories.truePositives += 1
            if let truthLevel = t.level {
                level.record(truthLevel == p.level)
                if truthLevel != p.level { note(pair, "level", "\(t.category): \(truthLevel)", p.level ?? "null") }
            }
            if let truthStatus = t.status {
                offenseStatus.record(truthStatus == p.status)
                if truthStatus != p.status { note(pair, "status", "\(t.category): \(truthStatus)", p.status ?? "null") }
            }
        }
        for (category, rest) in waiting.sorted(by: { $0.key < $1.key }) {
            for _ in rest {
                categories.falsePositives += 1
                note(pair, "category", "absent", category)
            }
        }
    }

    private mutating func note(_ pair: MatchedPair, _ field: String, _ truth: String, _ predicted: String) {
        mismatches.append(
            Mismatch(path: pair.path, pageStart: pair.truth.pageStart, field: field, truth: truth, predicted: predicted)
        )
    }
}
