/// The loaded `detainers.yaml`: what names a detainer or immigration warrant, and which
/// words around it make a mention positive, denied, supposed or general.
struct DetainerRules: Sendable {
    /// In output order.
    var forms: [DetainerForm]
    /// Words for a detainer or immigration warrant without a form number.
    var terms: [RulePattern]
    /// Anywhere in the clause: the detainer exists ("lodged", "on file", "attached").
    var positiveCues: [RulePattern]
    /// Right after the term: it is about someone in particular ("detainer for", "on him").
    var referenceCues: [RulePattern]
    /// In the clause, a statement that it was done, even inside a question or a condition
    /// ("did you get the detainer **I sent** over?").
    var assertiveCues: [RulePattern]
    var negationBefore: [RulePattern]
    var negationAfter: [RulePattern]
    var hypotheticalBefore: [RulePattern]
    var hypotheticalAfter: [RulePattern]
    /// Near the top of a message: it sends attachments ("Attached.", "see enclosed").
    var attachmentCues: [RulePattern]
    /// Anywhere in the sentence: policy or records talk, not a case.
    var policyCues: [RulePattern]
    /// Before the mention in its clause: the detainer is someone else's ("his brother's",
    /// "not the same Jose Alvarez who had"), not the subject's.
    var otherPersonCues: [RulePattern] = []
    var scope: DetainerScope
}

/// One DHS form and how it is printed.
struct DetainerForm: Sendable {
    /// Canonical number, as the contract writes it.
    var name: String
    /// The number as printed, OCR damage included (`l-247A`, `I247A`, `1-247 A`).
    var numbers: [RulePattern]
    /// The form's printed title; a line that is the title shows the form itself.
    var titles: [RulePattern]
}

/// How many words a cue may stand from the term it governs.
struct DetainerScope: Sendable, Hashable {
    var negationBefore = 6
    var negationAfter = 5
    var hypotheticalAfter = 6
}
