/// One span of a text that a rule says must be redacted.
struct Finding: Sendable {
    var span: TextSpan
    var type: PIIType
    var ruleID: String
    /// 0–1: how sure the rule is that the span is a private identifier.
    var confidence: Double
    /// For person names: the name as read (given names and surname), when the rule parsed one.
    var name: PersonName?
    /// For person names: the identity its pseudonym is made from.
    var identity: String?
}

/// A name a rule found to belong to a public official acting in office: kept, and remembered
/// so that other rules do not take it for a private person.
struct OfficialHit: Sendable {
    var span: TextSpan
    var name: PersonName
    /// How sure the evidence is (an agency e-mail, a rank before the name, a signature title).
    var strength: Double
    var reason: String
}

/// Everything one text yielded: what to redact, which names are officials, which private
/// persons were named with enough context to be propagated through the dump.
struct TextScan: Sendable {
    var findings: [Finding] = []
    var officials: [OfficialHit] = []
    /// Spans kept on purpose (officials' phone lines, agency addresses), for review output.
    var kept: [TextSpan] = []
}
