/// The header fields an e-mail printout labels, as the pipeline file names them
/// (`segmentation.header_labels`).
public enum HeaderField: String, Sendable, Hashable, Codable, CaseIterable {
    case from, sent, to, cc, bcc, subject, attachments, importance

    /// The fields that name parties (senders and recipients).
    public var namesParties: Bool { self == .from || self == .to || self == .cc || self == .bcc }
}

/// What one printed line of a communication (or of a page) is: the structure segmentation
/// found, handed to the stages after it so that none of them detects headers on its own.
///
/// Segmentation is the only stage that reads header labels and quote separators (from the
/// pipeline file); redaction and classification read these roles. A role describes the
/// line as printed, before any redaction.
public struct LineRole: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Text someone wrote (or any line no other role fits).
        case body
        /// The mailbox owner's name printed above a printout's header.
        case owner
        /// A header line of the page's top-level message (`From: …`).
        case header
        /// A header line of a quoted or forwarded message, or any other labelled header line
        /// inside a body.
        case quotedHeader = "quoted_header"
        /// A line opening a quoted or forwarded message (`-----Original Message-----`).
        case quoteSeparator = "quote_separator"
        /// A line opening quoted text that names its sender (`On …, Name <a@b> wrote:`).
        case attribution
        /// A line printing a subject on its own: a reply-prefixed line (`RE: …`) or a
        /// printout's title repeating its subject.
        case title
        /// Page furniture: Bates numbers, page numbers, stamps, repeated banners and footers.
        case furniture
        /// A signature block: a closing (`Thanks,`), the sender's name, title, agency, phones.
        case signature
        /// A confidentiality footer (`This e-mail … is intended only for …`).
        case disclaimer
        /// A line of a form or record attached to the message (a detainer form, an arrest report).
        case form
    }

    public var kind: Kind
    /// The field of a header line; a wrapped line of a long `To:` list has its field too.
    public var field: HeaderField?
    /// Where the value of a header line (or a title's text after its prefix) starts: a UTF-16
    /// offset into the line as printed. Nil when the whole line is the value (a wrapped line).
    public var valueOffset: Int?

    public init(_ kind: Kind, field: HeaderField? = nil, valueOffset: Int? = nil) {
        self.kind = kind
        self.field = field
        self.valueOffset = valueOffset
    }

    public static let body = LineRole(.body)

    /// A header line, top-level or quoted.
    public var isHeader: Bool { kind == .header || kind == .quotedHeader }

    /// A line naming the parties of a message: a `From`/`To`/`Cc`/`Bcc` header line or an
    /// attribution (`On …, Name wrote:`).
    public var namesParties: Bool { (isHeader && field?.namesParties == true) || kind == .attribution }

    /// A line nobody wrote for this message's facts: a signature, a disclaimer, furniture.
    public var isBoilerplate: Bool { kind == .signature || kind == .disclaimer || kind == .furniture }

    /// A line stating a subject: a `Subject:` header line or a title (`RE: …`).
    public var statesSubject: Bool { (isHeader && field == .subject) || kind == .title }
}
