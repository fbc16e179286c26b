/// The header fields of a printed message, as the contract names them.
public struct MessageHeader: Sendable, Hashable, Codable {
    public var from: String?
    public var to: [String] = []
    public var cc: [String] = []
    public var bcc: [String] = []
    /// ISO 8601 with the offset of the pipeline's time zone, or nil when absent or unreadable.
    public var sent: String?
    /// The date as printed, kept for review when it could not be normalised.
    public var sentAsPrinted: String?
    public var subject: String?
    public var attachments: [String] = []
    public var importance: String?

    public init() {}
}

/// A message quoted or forwarded inside a communication's body.
public struct QuotedHeader: Sendable, Hashable, Codable {
    public var from: String?
    public var sent: String?
    public var subject: String?

    public init(from: String? = nil, sent: String? = nil, subject: String? = nil) {
        self.from = from
        self.sent = sent
        self.subject = subject
    }
}

/// What the releasing agency already blacked out, kept as it is and never counted as ours.
public struct ExistingRedactions: Sendable, Hashable, Codable {
    public var boxes: Int = 0
    public var codes: [String] = []

    public init(boxes: Int = 0, codes: [String] = []) {
        self.boxes = boxes
        self.codes = codes
    }
}

/// One top-level printed message (or the pages before the first one), unredacted.
///
/// This is the reviewer's record; the public one is made from it only by the redaction stage.
public struct Communication: Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case email
        case document
    }

    public var id: String
    public var kind: Kind
    public var path: String
    public var sha256: String
    public var pageStart: Int
    public var pageEnd: Int
    /// Index of the first line within `pageStart`, for ordering messages that share a page.
    public var lineStart: Int
    public var batesStart: String?
    public var batesEnd: String?
    /// True when any of its pages was read by OCR.
    public var ocr: Bool
    public var header: MessageHeader
    public var quoted: [QuotedHeader]
    public var body: String
    /// The page each line of `body` was printed on (same count as the body's lines), so a
    /// later stage can say on which page it found something.
    public var bodyLinePages: [Int] = []
    /// What each line of `body` is (same count as the body's lines): quoted headers, quote
    /// separators, titles and body text, as segmentation found them.
    public var bodyLineRoles: [LineRole] = []
    public var existingRedactions: ExistingRedactions
    public var duplicateOf: String?

    public init(
        id: String, kind: Kind, path: String, sha256: String, pageStart: Int, pageEnd: Int, lineStart: Int,
        batesStart: String? = nil, batesEnd: String? = nil, ocr: Bool, header: MessageHeader,
        quoted: [QuotedHeader], body: String, existingRedactions: ExistingRedactions = ExistingRedactions(),
        duplicateOf: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.path = path
        self.sha256 = sha256
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.lineStart = lineStart
        self.batesStart = batesStart
        self.batesEnd = batesEnd
        self.ocr = ocr
        self.header = header
        self.quoted = quoted
        self.body = body
        self.existingRedactions = existingRedactions
        self.duplicateOf = duplicateOf
    }
}
