import Foundation

/// The loaded `offenses.yaml`: how offense categories, their levels and statuses are read.
struct OffenseRules: Sendable {
    var citationFormats: [CitationFormat]
    /// Printed form text where no offense is attributed to anyone (the I-247A's "a final
    /// order of removal against the alien" checkbox, for example).
    var ignore: [RulePattern]
    var statusCues: [OffenseStatus: [RulePattern]]
    /// Before a mention in its clause: the offense is denied ("was not charged with").
    var negationCues: [RulePattern]
    /// Before a mention in its clause: the offense is only supposed ("if he is arrested for").
    var hypotheticalCues: [RulePattern]
    /// Before a mention in its sentence: the text is about people in general, not a person
    /// ("individuals charged with crimes such as").
    var genericCues: [RulePattern]
    /// Anywhere in a mention's sentence: the offense is named as an example, in a policy or
    /// in a hypothetical, and attributed to no one ("an arrest for unlicensed operation alone
    /// would not justify a detainer", "e.g. OUI").
    var exampleCues: [RulePattern] = []
    var amounts: AmountGrammar
    /// Words stating a level ("felony larceny"), for categories whose level depends on facts.
    var levelWords: [OffenseLevel: [RulePattern]]
    var scope: OffenseScope
    /// In the contract's row order.
    var categories: [OffenseCategoryRule]
}

/// What identifies one category in text.
struct OffenseCategoryRule: Sendable {
    var contract: ContractCategory
    /// Reported in `statute`.
    var statute: String
    /// Phrases and regular expressions, compiled alike.
    var patterns: [RulePattern]
    /// Citations that name this category when printed alone (`c.266 §30A`).
    var citations: [Citation]
    var levelByAmount: AmountRule?
    var levelByOffenseNumber: OffenseNumberRule?
    /// A status that never depends on the wording (immigration_civil: removability is not a
    /// criminal status).
    var fixedStatus: OffenseStatus?
}

/// Level decided by a printed dollar amount (larceny, malicious destruction).
struct AmountRule: Sendable, Hashable {
    var threshold: Double
    var above: OffenseLevel
    var atOrBelow: OffenseLevel
}

/// Level decided by a printed offense number ("3rd offense", "subsequent offense").
struct OffenseNumberRule: Sendable, Hashable {
    var from: Int
    var level: OffenseLevel
}

/// How amounts are printed next to an offense. Each pattern has a named group `amount`.
struct AmountGrammar: Sendable {
    /// "over $1,200", "+$1200", "$1,200 or more".
    var above: [RulePattern]
    /// "under $1,200", "-$1200", "$1,200 or less".
    var atOrBelow: [RulePattern]
    /// "$650", "2,500 dollars".
    var plain: [RulePattern]
    /// Text around an amount that makes it something else (bail, a fine).
    var ignoreContext: [RulePattern]
}

/// How many words a cue may stand before the offense it governs.
struct OffenseScope: Sendable, Hashable {
    /// "was not charged with OUI": the negation is two words before the offense.
    var negationWords = 4
    var hypotheticalWords = 8
}
