/// One redaction, as the reviewer's audit log records it (`private/audit.jsonl`).
///
/// Never published: it holds the original text.
public struct RedactionRecord: Sendable, Hashable, Codable {
    public var communicationID: String
    /// Where in the communication: `body`, `header.from`, `header.to[1]`, `header.subject`,
    /// `header.attachments[0]`, `quoted[2].subject`; `page` for a PDF page.
    public var field: String
    /// The page the span was printed on, where known (from `bodyLinePages` for the body).
    public var page: Int?
    public var type: PIIType
    /// The rule that found it (`dob_labelled`, `registry_mention` …).
    public var ruleID: String
    public var original: String
    public var placeholder: String
    /// 0–1; low values are the least certain decisions, listed first for review.
    public var confidence: Double

    public init(
        communicationID: String, field: String, page: Int?, type: PIIType, ruleID: String, original: String,
        placeholder: String, confidence: Double
    ) {
        self.communicationID = communicationID
        self.field = field
        self.page = page
        self.type = type
        self.ruleID = ruleID
        self.original = original
        self.placeholder = placeholder
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case communicationID = "communication_id"
        case field
        case page
        case type
        case ruleID = "rule"
        case original
        case placeholder
        case confidence
    }
}

/// The least certain redactions first, for `--review`: lowest confidence, then by
/// communication, field and position, so the listing is the same on every run.
public func recordsForReview(_ records: [RedactionRecord], limit: Int? = nil, below threshold: Double = 1.0)
    -> [RedactionRecord]
{
    let sorted = records.enumerated().filter { $0.element.confidence < threshold }.sorted { a, b in
        if a.element.confidence != b.element.confidence { return a.element.confidence < b.element.confidence }
        if a.element.communicationID != b.element.communicationID {
            return a.element.communicationID < b.element.communicationID
        }
        if a.element.field != b.element.field { return a.element.field < b.element.field }
        return a.offset < b.offset
    }.map(\.element)
    if let limit { return Array(sorted.prefix(limit)) }
    return sorted
}
