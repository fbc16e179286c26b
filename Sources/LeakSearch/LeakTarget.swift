import Foundation

/// A string to search public text for: an audited original (`verify`) or a truth PII string
/// (`eval`), with its type and the documents it belongs to.
public struct LeakTarget: Sendable, Hashable {
    public var text: String
    /// The PII type (`person_name`, `a_number`, `date_of_birth` …); it decides the patterns.
    public var type: String
    /// The documents (input paths, `REL.pdf`) that name this person: a surname alone is only
    /// looked for there. Nil or empty: nowhere.
    public var documents: Set<String>?

    public init(text: String, type: String, documents: Set<String>? = nil) {
        self.text = text
        self.type = type
        self.documents = documents
    }

    /// Types matched digit by digit.
    public static let numberTypes: Set<String> = [
        "a_number", "ssn", "phone", "fbi_number", "state_id", "passport", "drivers_license", "license_plate",
        "date_of_birth", "booking_number", "other_identifier",
    ]
}

/// What one target is searched as. Rules, and why:
///
/// - Every string is matched as its words in order, at word boundaries, folded (case, accents,
///   punctuation, OCR confusions; see `TextTokens`): a name inside a longer word ("Ruiz" in
///   "Ruizdael") is not a leak. Numbers long enough for the digit rule are matched by it only.
/// - A string that is only ordinary lower-case words ("hope", "young") counts only where its
///   first word is printed with a capital, as a name or a street is.
/// - Words run together or split apart by OCR ("MariaLopez", "A2O4 123 456") are matched by
///   joining neighbouring words of one run, for strings of six characters or more (five for
///   identifiers).
/// - Digit-heavy strings (five digits or more, at least half of what they print, or any number
///   type) are matched as their digits across short separators; dates of birth by value
///   (`DateOfBirth`).
/// - Person names are also matched with the surname first, without their middle names, and
///   (names of five letters or more) with one OCR-like error over the whole name
///   (`FuzzyNameIndex`).
/// - Partial forms of a person's name (see `NameParts`): a fragment of the given name and
///   surname, the surname alone, a word one edit from the surname.
struct TargetPatterns: Sendable {
    /// Word-shape sequences with the form a match of each is reported as.
    var forms: [(shapes: [String], form: LeakForm)] = []
    /// The string's own words, as shapes.
    var shapes: [String] = []
    /// The string's own words are one of `forms` (numbers matched by their digits are not).
    var hasWordForm = false
    var needsCapital = false
    var joined: String?
    /// The folded letters and digits, to tell a digit-exact joined match from an OCR one.
    var foldedJoined = ""
    var digits: [String] = []
    var date: DateOfBirth?
    /// Letter sequences for the one-edit rule over the whole name.
    var fuzzy: [(letters: [UInt32], wordCount: Int)] = []
    var name: NameParts?

    static let minimumJoined = 6
    static let minimumNumberJoined = 5
    static let minimumDigits = 5
    static let minimumFuzzyLetters = 5

    init(_ target: LeakTarget, commonWords: CommonWords) {
        let tokens = TextTokens(target.text)
        let words = tokens.words.map(\.shape)
        shapes = words
        guard !words.isEmpty else { return }
        let isNumberType = LeakTarget.numberTypes.contains(target.type)
        let folded = tokens.words.map(\.text)
        needsCapital = folded.allSatisfy { w in w.allSatisfy(\.isLetter) && commonWords.contains(w) }
        foldedJoined = folded.joined()
        let join = words.joined()
        let minimum = isNumberType ? TargetPatterns.minimumNumberJoined : TargetPatterns.minimumJoined
        // A number of digits only is matched digit by digit (which keeps to one line); joining
        // is for the letters of plates and A-numbers and for names.
        let hasLetters = foldedJoined.contains(where: \.isLetter)
        if join.count >= minimum, !needsCapital, hasLetters || !isNumberType { joined = join }

        if target.type == "date_of_birth" { date = DateOfBirth(target.text) }
        let allDigits = String(target.text.unicodeScalars.filter(TextTokens.isDigit).map(Character.init))
        let significant = target.text.unicodeScalars.filter { TextTokens.isDigit($0) || $0.properties.isAlphabetic }
        if allDigits.count >= TargetPatterns.minimumDigits, allDigits.count * 2 >= significant.count || isNumberType {
            digits.append(allDigits)
        }
        if let date {
            for y in date.years {
                let mm = String(format: "%02d", date.month)
                let dd = String(format: "%02d", date.day)
                digits += ["\(mm)\(dd)\(y)", "\(y)\(mm)\(dd)"]
            }
        }
        digits = Array(Set(digits)).sorted()

        // A number matched by its digits, its letters and digits or its date needs no word
        // pattern: its words would report "123 45 6789" as exact.
        let numberPatterns =
            !digits.isEmpty || date != nil || (joined != nil && foldedJoined.contains(where: \.isNumber))
        var forms: [(shapes: [String], form: LeakForm)] = []
        if !(isNumberType && numberPatterns) { forms.append((words, .exact)) }
        if let date { forms += date.wordForms.map { ($0.map { TextTokens.shape($0) }, .dateRendering) } }
        if target.type == "person_name" {
            if words.count > 1 {
                forms.append(([words[words.count - 1]] + words.dropLast(), .reversed))
                forms.append((Array(words.dropFirst()) + [words[0]], .reversed))
            }
            name = NameParts(tokens.words, original: target.text, commonWords: commonWords)
            if let name, words.count > 2 {
                forms.append(([name.given.shape, name.surname.shape], .withoutMiddleName))
                forms.append(([name.surname.shape, name.given.shape], .reversed))
            }
            // Folded letters, not shapes: the one-edit rule tells "i" from "l".
            var orders = [folded]
            if let last = folded.last, folded.count > 1 { orders.append([last] + folded.dropLast()) }
            for order in orders {
                let letters = order.flatMap { TextTokens.letters($0) }
                if letters.count >= TargetPatterns.minimumFuzzyLetters { fuzzy.append((letters, order.count)) }
            }
        }
        var seen = Set<[String]>()
        self.forms = forms.filter { seen.insert($0.shapes).inserted }
        hasWordForm = self.forms.contains { $0.form == .exact }
    }
}

/// The given name and surname of a person's name, for its partial forms.
///
/// The surname is the last word, or the first when a comma follows it (`LOPEZ, Maria`); the
/// given name is the first word, or the one after the comma. Initials and suffixes (`Jr`,
/// `III`) are neither. A name with fewer than two such words has no parts.
struct NameParts: Sendable {
    struct Part: Sendable {
        var text: String
        var shape: String
        var letters: [UInt32]
    }

    var given: Part
    var surname: Part
    /// The surname is an ordinary lower-case word (`Mire`, `Young`): alone it counts only in
    /// capitals or after a title.
    var surnameIsCommon: Bool

    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "esq"]
    static let minimumSurname = 3

    init?(_ words: [TextTokens.Word], original: String, commonWords: CommonWords) {
        let named = words.filter { w in
            w.text.count > 1 && !NameParts.suffixes.contains(w.text) && w.text.allSatisfy(\.isLetter)
        }
        guard named.count >= 2 else { return nil }
        // A comma right after the first word: `LOPEZ, Maria` or `ROUSH, DEBORAH`.
        let afterFirst = original[named[0].range.upperBound...].prefix { !$0.isLetter }
        let surnameFirst = afterFirst.contains(",")
        let g = surnameFirst ? named[1] : named[0]
        let s = surnameFirst ? named[0] : named[named.count - 1]
        guard s.text.count >= NameParts.minimumSurname else { return nil }
        given = Part(text: g.text, shape: g.shape, letters: TextTokens.letters(g.text))
        surname = Part(text: s.text, shape: s.shape, letters: TextTokens.letters(s.text))
        surnameIsCommon = commonWords.contains(s.text)
    }
}
