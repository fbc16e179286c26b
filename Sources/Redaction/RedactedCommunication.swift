import FoiaCore

/// A communication as it may be published: every text field redacted by this module.
///
/// Only `Redactor` can make one (the initializer is `internal`, not `package`), so the public
/// writer, which accepts nothing else, cannot be handed text that was never redacted.
/// Header values and the quoted headers are redacted by the same rules as the body; the
/// fields that are not free text (ids, pages, Bates numbers, the parsed `sent` times, the
/// agency's existing redactions, `duplicate_of`) are copied from the `Communication`.
public struct RedactedCommunication: Sendable {
    public let id: String
    public let kind: Communication.Kind
    public let path: String
    public let sha256: String
    public let pageStart: Int
    public let pageEnd: Int
    /// Index of the first line within `pageStart`, for ordering messages that share a page.
    public let lineStart: Int
    public let batesStart: String?
    public let batesEnd: String?
    public let ocr: Bool
    /// `from`, `to`, `cc`, `bcc`, `subject`, `attachments` redacted; `sent` as parsed.
    public let header: MessageHeader
    /// `from` and `subject` redacted; `sent` as parsed.
    public let quoted: [QuotedHeader]
    public let body: String
    /// The page of each line of `body` (line count kept through redaction).
    public let bodyLinePages: [Int]
    /// Redacted spans by PII type (`person_name`, `date_of_birth` …), as the contract counts them.
    public let redactions: [String: Int]
    public let existingRedactions: ExistingRedactions
    public let duplicateOf: String?
    /// The classification, its `evidence` snippets redacted; nil when none was given.
    public let classification: Classification?

    init(
        from c: Communication, header: MessageHeader, quoted: [QuotedHeader], body: String, redactions: [String: Int],
        classification: Classification? = nil
    ) {
        id = c.id
        kind = c.kind
        path = c.path
        sha256 = c.sha256
        pageStart = c.pageStart
        pageEnd = c.pageEnd
        lineStart = c.lineStart
        batesStart = c.batesStart
        batesEnd = c.batesEnd
        ocr = c.ocr
        self.header = header
        self.quoted = quoted
        self.body = body
        bodyLinePages = c.bodyLinePages
        self.redactions = redactions
        existingRedactions = c.existingRedactions
        duplicateOf = c.duplicateOf
        self.classification = classification
    }
}
