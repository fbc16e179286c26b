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
///
/// Two findings are equal when `present` and `forms` are: `decidedBy` explains the call and
/// is not part of it.
public struct DetainerFinding: Sendable, Hashable, Codable {
    public var present: Bool
    /// Canonical form numbers (`I-247A` …) named in positive statements, shown as attached
    /// pages or named in attachment file names, in the rule file's order; empty when not present.
    public var forms: [String]
    /// What decided the call, for the reviewer's copy only (`private/communications.jsonl`):
    /// it quotes the text unredacted, so the public writer leaves it out.
    public var decidedBy: DetainerDecision?

    public init(present: Bool, forms: [String], decidedBy: DetainerDecision? = nil) {
        self.present = present
        self.forms = forms
        self.decidedBy = decidedBy
    }

    public static func == (a: DetainerFinding, b: DetainerFinding) -> Bool {
        a.present == b.present && a.forms == b.forms
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(present)
        hasher.combine(forms)
    }
}

/// The sentence (or line, or file name) that decided a detainer call, and the rule that read it.
///
/// For a positive call: the first thing that made it positive (`shown_form`,
/// `attachment_name`, `subject_with_attachments`, `positive_sentence`). For a negative one:
/// the first mention that was set aside and why (`negated`, `hypothetical`, `question`,
/// `policy`, `no_positive_cue`, `wrapped_title`), or nil when nothing named a detainer.
public struct DetainerDecision: Sendable, Hashable, Codable {
    public var rule: String
    public var sentence: String
    public var page: Int?

    public init(rule: String, sentence: String, page: Int?) {
        self.rule = rule
        self.sentence = sentence
        self.page = page
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
