/// How often the header fields of matched communications are right.
///
/// Scored over communications matched by first page (see `MatchedDocument`): a header read
/// from the right page is a header-reading question even when the segmenter misjudged the
/// last page. Only fields the truth labels are counted; the comparison rules are in
/// `HeaderComparison`.
///
/// Headers are read from `private/communications.jsonl` when the run wrote it, because a
/// private sender's name is rightly redacted in the public file, and that is a redaction
/// success, not a header-reading error. When only the public file exists, a wrong field
/// whose truth value holds a PII string of its document is left out of the accuracy and
/// counted as `redacted` instead.
package struct HeaderScore: Sendable {
    /// A wrong field, for the report.
    package struct Mismatch: Sendable, Equatable {
        package var path: String
        package var pageStart: Int
        package var truth: String
        package var predicted: String
    }

    package struct Field: Sendable {
        package var name: String
        package var status: MetricStatus
        package var accuracy = Accuracy()
        /// Wrong answers left out because the truth value is PII the public file redacts.
        package var redacted = 0
        package var mismatches: [Mismatch] = []
    }

    package var status: MetricStatus
    /// The communications file the headers were read from, relative to the output folder.
    package var file: String?
    /// Communications matched by first page, over which the fields are scored.
    package var matched = 0
    /// `from`, `to`, `sent`, `subject`, in that order.
    package var fields: [Field] = []

    package init(status: MetricStatus) {
        self.status = status
    }

    /// - Parameters:
    ///   - file: the communications file the pairs' predictions come from.
    ///   - isRedacted: whether a truth value may hold PII (public file only): given the
    ///     truth path and value, true when the value contains PII of that document.
    package init(pairs: [MatchedPair], file: String? = nil, isRedacted: (String, String) -> Bool = { _, _ in false }) {
        self.file = file
        matched = pairs.count
        fields = [
            HeaderScore.score("from", pairs, isRedacted) { pair in
                pair.truth.from.label.map { truth in
                    (
                        HeaderComparison.sameSender(truth: truth, predicted: pair.predicted.from), truth,
                        pair.predicted.from
                    )
                }
            },
            HeaderScore.score("to", pairs, isRedacted) { pair in
                pair.truth.to.label.map { truth in
                    (
                        HeaderComparison.sameRecipients(truth: truth, predicted: pair.predicted.to),
                        truth.joined(separator: "; "), pair.predicted.to.joined(separator: "; ")
                    )
                }
            },
            HeaderScore.score("sent", pairs, isRedacted) { pair in
                pair.truth.sent.label.map { truth in
                    (
                        HeaderComparison.sameSent(truth: truth, predicted: pair.predicted.sent), truth,
                        pair.predicted.sent
                    )
                }
            },
            HeaderScore.score("subject", pairs, isRedacted) { pair in
                pair.truth.subject.label.map { truth in
                    (
                        HeaderComparison.sameSubject(truth: truth, predicted: pair.predicted.subject), truth,
                        pair.predicted.subject
                    )
                }
            },
        ]
        status =
            fields.contains { $0.status.isOK }
            ? .ok : .noTruth(pairs.isEmpty ? "no communication matched" : "no matched communication has header labels")
    }

    /// Scores one field; `judge` returns nil when the truth leaves the field unlabelled.
    private static func score(
        _ name: String, _ pairs: [MatchedPair], _ isRedacted: (String, String) -> Bool,
        judge: (MatchedPair) -> (Bool, String?, String?)?
    ) -> Field {
        var field = Field(name: name, status: .ok)
        for pair in pairs {
            guard let (right, truth, predicted) = judge(pair) else { continue }
            if !right, let truth, isRedacted(pair.path, truth) {
                field.redacted += 1
                continue
            }
            field.accuracy.record(right)
            if !right {
                field.mismatches.append(
                    Mismatch(
                        path: pair.path, pageStart: pair.truth.pageStart, truth: truth ?? "null",
                        predicted: predicted ?? "null"))
            }
        }
        if field.accuracy.total == 0 {
            field.status = .noTruth(
                pairs.isEmpty ? "no communication matched" : "no matched communication labels '\(name)'")
        }
        return field
    }
}
