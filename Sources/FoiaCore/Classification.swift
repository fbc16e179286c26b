/// What the classification stage says about one communication: the contract's `detainer`,
/// `offenses` and `severity` fields.
public struct Classification: Sendable, Hashable, Codable {
    public var detainer: DetainerFinding
    /// One entry per distinct category, in the row order of `offenses.tsv`.
    public var offenses: [OffenseFinding]
    /// `felony`, `misdemeanor`, `civil`, `unknown` or `none` (see `Severity`).
    public var severity: String

    public init(detainer: DetainerFinding, offenses: [OffenseFinding], severity: String) {
        self.detainer = detainer
        self.offenses = offenses
        self.severity = severity
    }
}

/// Whether the communication states or shows that an ICE detainer or immigration warrant exists.
public struct DetainerFinding: Sendable, Hashable, Codable {
    public var present: Bool
    /// Canonical form numbers (`I-247A` …) named in positive statements, shown as attached
    /// pages or named in attachment file names, in the rule file's order; empty when not present.
    public var forms: [String]

    public init(present: Bool, forms: [String]) {
        self.present = present
        self.forms = forms
    }
}

/// One offense category the communication attributes to a person.
public struct OffenseFinding: Sendable, Hashable, Codable {
    /// A category of `offenses.tsv`.
    public var category: String
    /// `felony`, `misdemeanor`, `civil` or `unknown`: the table's default, or what the text
    /// decides where the category has a level rule (amount, prior offenses).
    public var level: String
    /// The statute the rule file reports for the category (`MGL c.90 §10`).
    public var statute: String
    public var violent: Bool
    /// `suspected`, `arrested`, `charged`, `convicted`, `dismissed` or `unknown`.
    public var status: String
    /// The page of the line where the deciding mention was printed, or nil when unknown.
    public var page: Int?
    /// The sentence around the deciding mention, whitespace collapsed, at most 160 characters.
    ///
    /// It is cut from the text the classifier was given: classify the redacted
    /// communication, or redact this string, before it reaches public output.
    public var evidence: String

    public init(
        category: String, level: String, statute: String, violent: Bool, status: String, page: Int?,
        evidence: String
    ) {
        self.category = category
        self.level = level
        self.statute = statute
        self.violent = violent
        self.status = status
        self.page = page
        self.evidence = evidence
    }
}
