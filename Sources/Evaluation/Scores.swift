/// True and false positives and negatives, with precision, recall and F1 derived from them.
///
/// A ratio whose denominator is zero is nil, not 0: with no predictions there is no precision
/// to speak of, and the report shows "–" rather than a misleading zero.
package struct PrecisionRecall: Sendable, Equatable {
    package var truePositives = 0
    package var falsePositives = 0
    package var falseNegatives = 0

    package init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    package var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
    package var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }

    package var f1: Double? {
        guard let p = precision, let r = recall else { return nil }
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The number of truth items (true positives plus false negatives).
    package var truthCount: Int { truePositives + falseNegatives }
    /// The number of predicted items (true plus false positives).
    package var predictedCount: Int { truePositives + falsePositives }

    package mutating func add(_ other: PrecisionRecall) {
        truePositives += other.truePositives
        falsePositives += other.falsePositives
        falseNegatives += other.falseNegatives
    }
}

/// A count of right answers out of the answers checked; nil when nothing was checked.
package struct Accuracy: Sendable, Equatable {
    package var correct = 0
    package var total = 0

    package init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    package var value: Double? { ratio(correct, total) }

    package mutating func record(_ isCorrect: Bool) {
        total += 1
        if isCorrect { correct += 1 }
    }
}

/// `part / whole`, or nil when `whole` is zero.
func ratio(_ part: Int, _ whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
}
