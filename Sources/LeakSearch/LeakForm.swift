/// How a searched string was recognised in a text: the form it was printed in.
///
/// Reports name the form, so a reviewer can tell a string copied verbatim from a surname
/// printed alone (which may be an official sharing the name). The cases are in order of
/// preference: when a string is found in several forms in one text, the first is reported.
public enum LeakForm: String, Sendable, Hashable, CaseIterable {
    /// The same words in the same order, ignoring case, accents and punctuation.
    case exact
    /// A date of birth printed in another common format.
    case dateRendering = "date rendering"
    /// The same digits (or letters and digits, for plates and licences) across other separators.
    case digits
    /// Its words run together or split apart by OCR ("MariaLopez", "J uliana Perez").
    case joined
    /// A person's name with the surname first, with or without a comma ("ROUSH. DEBORAH").
    case reversed
    /// A person's given name and surname without the middle names or initials.
    case withoutMiddleName = "without middle name"
    /// Characters OCR confuses (0/O, 1/l, 5/S), or one OCR-like error over the whole string.
    case ocrVariant = "ocr variant"
    /// The end of the given name and the surname ("borah Roush"), or a name cut off after its
    /// first letters.
    case fragment
    /// A person's surname printed alone (`Dear Ms. Mire:`).
    case surnameAlone = "surname alone"
    /// A word of six letters or more one edit away from a person's surname ("Alvarcz").
    case oneEdit = "one edit"

    /// Forms of one word of a name. They are reported only in the documents that redacted the
    /// person (see `LeakTarget.documents`): the same surname elsewhere in a dump is as likely
    /// another person or an official.
    public var isDocumentScoped: Bool { self == .surnameAlone || self == .oneEdit }

    /// Forms that are only part of the searched string.
    public var isPartial: Bool { self == .fragment || self == .surnameAlone || self == .oneEdit }

    var rank: Int { LeakForm.allCases.firstIndex(of: self) ?? 0 }
}

/// One searched string found in one text.
public struct LeakHit: Sendable, Equatable {
    /// Index of the target in the matcher's list.
    public var target: Int
    /// The target's type (`person_name`, `ssn` …).
    public var type: String
    public var form: LeakForm
    /// Where it is in the searched text (grown to whole words).
    public var range: Range<String.Index>
    /// The text that matched, as printed.
    public var found: String
}

/// What one search of a text found.
public struct LeakSearchResult: Sendable, Equatable {
    /// One hit per target found, in target order.
    public var hits: [LeakHit] = []
    /// Name matches passed over because every word matched is a word of a `keep` string
    /// ("Sean Kelly" the detective is not an OCR error of the private "Sean Kelley").
    public var ignoredKeepVariants = 0
    /// Name matches passed over because they are ordinary lower-case words ("comes" for Gomes).
    public var ignoredOrdinaryWords = 0
}
