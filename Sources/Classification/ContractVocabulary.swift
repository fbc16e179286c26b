/// The offense vocabulary of the output contract (`shared/contract/offenses.tsv`), embedded.
///
/// Rule files may add patterns and statutes, but not categories: the category names, their
/// default levels and violent flags are what analysts' scripts and `counts.csv` rely on, so
/// they live here, and a test compares this list with the TSV whenever the shared folder is
/// present. Row order is the order offenses are listed in a communication.
package enum ContractVocabulary {
    package static let categories: [ContractCategory] = [
        ContractCategory(name: "unlicensed_operation", level: .misdemeanor, violent: false, statute: "MGL c.90 §10"),
        ContractCategory(
            name: "operating_after_suspension", level: .misdemeanor, violent: false, statute: "MGL c.90 §23"),
        ContractCategory(name: "oui", level: .misdemeanor, violent: false, statute: "MGL c.90 §24"),
        ContractCategory(name: "leaving_scene", level: .misdemeanor, violent: false, statute: "MGL c.90 §24"),
        ContractCategory(name: "assault_battery", level: .misdemeanor, violent: true, statute: "MGL c.265 §13A"),
        ContractCategory(
            name: "domestic_assault_battery", level: .misdemeanor, violent: true, statute: "MGL c.265 §13M"),
        ContractCategory(
            name: "assault_battery_dangerous_weapon", level: .felony, violent: true, statute: "MGL c.265 §15A"),
        ContractCategory(name: "assault_dangerous_weapon", level: .felony, violent: true, statute: "MGL c.265 §15B"),
        ContractCategory(name: "robbery", level: .felony, violent: true, statute: "MGL c.265 §19"),
        ContractCategory(name: "armed_robbery", level: .felony, violent: true, statute: "MGL c.265 §17"),
        ContractCategory(name: "sexual_assault", level: .felony, violent: true, statute: "MGL c.265 §22"),
        ContractCategory(name: "homicide", level: .felony, violent: true, statute: "MGL c.265 §1"),
        ContractCategory(name: "kidnapping", level: .felony, violent: true, statute: "MGL c.265 §26"),
        ContractCategory(name: "stalking", level: .felony, violent: true, statute: "MGL c.265 §43"),
        ContractCategory(name: "threats", level: .misdemeanor, violent: true, statute: "MGL c.275 §2"),
        ContractCategory(name: "firearm_possession", level: .felony, violent: false, statute: "MGL c.269 §10"),
        ContractCategory(name: "drug_possession", level: .misdemeanor, violent: false, statute: "MGL c.94C §34"),
        ContractCategory(name: "drug_distribution", level: .felony, violent: false, statute: "MGL c.94C §32A"),
        ContractCategory(name: "larceny", level: .unknown, violent: false, statute: "MGL c.266 §30"),
        ContractCategory(name: "shoplifting", level: .misdemeanor, violent: false, statute: "MGL c.266 §30A"),
        ContractCategory(name: "breaking_entering", level: .felony, violent: false, statute: "MGL c.266 §16"),
        ContractCategory(name: "trespass", level: .misdemeanor, violent: false, statute: "MGL c.266 §120"),
        ContractCategory(name: "malicious_destruction", level: .unknown, violent: false, statute: "MGL c.266 §127"),
        ContractCategory(name: "resisting_arrest", level: .misdemeanor, violent: false, statute: "MGL c.268 §32B"),
        ContractCategory(name: "disorderly_conduct", level: .misdemeanor, violent: false, statute: "MGL c.272 §53"),
        ContractCategory(
            name: "restraining_order_violation", level: .misdemeanor, violent: false, statute: "MGL c.209A §7"),
        ContractCategory(name: "identity_fraud", level: .misdemeanor, violent: false, statute: "MGL c.266 §37E"),
        ContractCategory(name: "false_rmv_document", level: .felony, violent: false, statute: "MGL c.90 §24B"),
        ContractCategory(name: "prostitution", level: .misdemeanor, violent: false, statute: "MGL c.272 §53A"),
        ContractCategory(name: "improper_entry", level: .misdemeanor, violent: false, statute: "8 U.S.C. §1325"),
        ContractCategory(name: "illegal_reentry", level: .felony, violent: false, statute: "8 U.S.C. §1326"),
        ContractCategory(name: "immigration_civil", level: .civil, violent: false, statute: "8 U.S.C. §1227"),
    ]

    package static func category(named name: String) -> ContractCategory? {
        categories.first { $0.name == name }
    }
}

/// One row of `offenses.tsv`.
package struct ContractCategory: Sendable, Hashable {
    package let name: String
    package let level: OffenseLevel
    package let violent: Bool
    package let statute: String
}

/// The contract's offense levels.
package enum OffenseLevel: String, Sendable, CaseIterable, Comparable {
    case felony, misdemeanor, civil, unknown

    /// Most serious first, as `severity` ranks them.
    var rank: Int {
        switch self {
        case .felony: 0
        case .misdemeanor: 1
        case .civil: 2
        case .unknown: 3
        }
    }

    package static func < (a: OffenseLevel, b: OffenseLevel) -> Bool { a.rank < b.rank }
}

/// The contract's offense statuses.
enum OffenseStatus: String, Sendable, CaseIterable {
    case suspected, arrested, charged, convicted, dismissed, unknown

    /// How far the matter has gone, used to pick one status when a category is mentioned
    /// several times: a court outcome says more than an arrest, an arrest more than a
    /// suspicion. Convicted ranks above dismissed because a record that shows both is
    /// usually a conviction on one count and a dismissal of another of the same kind.
    var advancement: Int {
        switch self {
        case .convicted: 5
        case .dismissed: 4
        case .charged: 3
        case .arrested: 2
        case .suspected: 1
        case .unknown: 0
        }
    }
}
