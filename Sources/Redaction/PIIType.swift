/// The kinds of personal information the redaction stage removes.
///
/// The raw values are the contract's vocabulary (`shared/contract/pii-types.tsv`); a test
/// keeps the two in step, and every rule file's `type` must be one of them.
public enum PIIType: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case personName = "person_name"
    case dateOfBirth = "date_of_birth"
    case aNumber = "a_number"
    case ssn
    case phone
    case email
    case address
    case licensePlate = "license_plate"
    case driversLicense = "drivers_license"
    case fbiNumber = "fbi_number"
    case stateID = "state_id"
    case passport
    /// A number that identifies a private person but is none of the kinds above (booking,
    /// inmate, client, account number), or one whose kind cannot be told: redacted, never guessed safe.
    case otherIdentifier = "other_identifier"

    /// The text put in place of a redacted span. Person names get a pseudonym instead
    /// (see `Pseudonymizer`); this is the fallback tag.
    public var placeholder: String {
        switch self {
        case .personName: "[PERSON]"
        case .dateOfBirth: "[DOB]"
        case .aNumber: "[A-NUMBER]"
        case .ssn: "[SSN]"
        case .phone: "[PHONE]"
        case .email: "[EMAIL]"
        case .address: "[ADDRESS]"
        case .licensePlate: "[PLATE]"
        case .driversLicense: "[LICENSE]"
        case .fbiNumber: "[FBI-NUMBER]"
        case .stateID: "[SID]"
        case .passport: "[PASSPORT]"
        case .otherIdentifier: "[ID]"
        }
    }

    public static func < (a: PIIType, b: PIIType) -> Bool { a.rawValue < b.rawValue }
}
