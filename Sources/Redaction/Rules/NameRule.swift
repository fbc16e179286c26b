import Foundation
import TextPatterns

/// The kinds of person-name rule; each kind's logic is in its own file in this folder.
enum NameRuleKind: String, CaseIterable, Sendable {
    /// `Name: ALVAREZ, Jose`, `Name of Alien:` over a form row, `Defendant:` (LabelledNameRule.swift).
    case labelledName = "labelled_name"
    /// `Mr. Alvarez`, `Ms. Jean-Baptiste` (HonorificNameRule.swift).
    case honorificName = "honorific_name"
    /// `ALVAREZ, JOSE` anywhere, or `Alvarez, Jose` near a date of birth or A-number (LastFirstNameRule.swift).
    case lastFirstName = "last_first_name"
    /// `Jose Alvarez, DOB …`, `HUANG, MEI (February 5, 1977, China)` (NameBeforeLabelRule.swift).
    case nameBeforeLabel = "name_before_label"
    /// Display names of private e-mail senders and recipients (PartyNameRule.swift).
    case partyName = "party_name"
    /// Names a subject line is about: `RE: FFRENCH, KEMAR`, `Jose Alvarez` (SubjectNameRule.swift).
    case subjectName = "subject_name"
    /// Unlabelled names in running text, for review (ProseNameRule.swift).
    case proseName = "prose_name"
}

/// A person-name rule as configured in a rule file.
struct NameRule: Sendable {
    var id: String
    var kind: NameRuleKind
    var description: String
    var label: TextPattern?
    var nextLine = false
    /// For `labelled_name`: the value is only on the next line (a form's label row, where the
    /// same line holds the next labels).
    var nextLineOnly = false
    var forms: Set<NameForm> = Set(NameForm.allCases)
    var context: NameContext = .strong
    var upperSurname = false
    var near: Set<PIIType> = []
    var within = 0
    /// For `name_before_label`: a lone capitalised word that is not an ordinary word counts (`Nguyen was arrested`).
    var singleWord = false
    var confidence: Double
    /// For `party_name`: confidence for a display name at a domain that is neither an agency's nor webmail.
    var unknownDomainConfidence = 0.55
    /// The rule file it came from (its name), for the rule listing.
    var file = ""

    func finding(_ m: NameMatch, confidence: Double? = nil) -> Finding {
        Finding(
            span: m.span, type: .personName, ruleID: id, confidence: confidence ?? self.confidence, name: m.name,
            identity: m.name.given.isEmpty ? nil : m.name.identity)
    }
}
