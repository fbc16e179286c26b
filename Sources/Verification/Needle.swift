import Foundation

/// What one audited original is searched as.
///
/// Rules, and why:
/// - Originals with fewer than four letters and digits are skipped (and counted in the
///   report): "Li" or "Ng" is found inside ordinary text everywhere, so searching for them
///   would only cry wolf; the name they belong to is usually audited in full as well.
/// - Every original is matched as its words in order, at word boundaries: a name inside a
///   longer word ("Ruiz" in "Ruizdael") is not a leak.
/// - Person names are also matched with the last word first or the first word last
///   ("LOPEZ, Maria" for "Maria Lopez").
/// - Words run together or split apart by OCR ("MariaLopez", "A2O4 123 456") are matched by
///   joining neighbouring words, for originals of six characters or more.
/// - Digit-heavy originals (five digits or more, at least half of what they print, or any
///   identifier type) are also matched as their digits across any short separators.
/// - Dates of birth are matched by value (see `DateOfBirth`).
/// - A single original that is an ordinary lower-case English word ("hope", "young") only
///   counts where it is printed with a capital, as a name or a street is: the same word in
///   running prose is not the redacted string.
struct Needle: Sendable {
    /// Word-shape sequences, any of which is a match.
    var forms: [[String]]
    /// The words joined, for matching across OCR's spacing; nil when too short to be safe.
    var joined: String?
    var digits: [String]
    var date: DateOfBirth?
    var needsCapital: Bool

    static let minimumCharacters = 4
    static let minimumJoined = 6
    static let minimumDigits = 5

    static let identifierTypes: Set<String> = [
        "a_number", "ssn", "phone", "fbi_number", "state_id", "passport", "drivers_license", "license_plate",
        "date_of_birth",
    ]

    /// Letters and digits in an original; below `minimumCharacters` it is not searched.
    static func significantCharacters(_ original: String) -> Int {
        original.unicodeScalars.filter { TextTokens.isDigit($0) || $0.properties.isAlphabetic }.count
    }

    /// The needle for an original, or nil when it is too short to search (see above).
    init?(original: String, type: String, commonWords: Set<String>) {
        guard Needle.significantCharacters(original) >= Needle.minimumCharacters else { return nil }
        let tokens = TextTokens(PlaceholderMask.apply(original))
        let words = tokens.words.map(\.shape)
        guard !words.isEmpty else { return nil }
        var forms = [words]
        if type == "person_name", words.count > 1 {
            forms.append([words[words.count - 1]] + words.dropLast())
            forms.append(Array(words.dropFirst()) + [words[0]])
        }
        date = type == "date_of_birth" ? DateOfBirth(original) : nil
        if let date { forms += date.wordForms.map { $0.map { TextTokens.shape($0) } } }
        var seen = Set<[String]>()
        self.forms = forms.filter { seen.insert($0).inserted }

        let folded = TextTokens.fold(original).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        needsCapital = folded.allSatisfy { $0.allSatisfy(\.isLetter) && commonWords.contains(String($0)) }
        let join = words.joined()
        joined = join.count >= Needle.minimumJoined && !needsCapital ? join : nil

        let allDigits = String(original.unicodeScalars.filter(TextTokens.isDigit).map(Character.init))
        let isDigitHeavy = allDigits.count * 2 >= Needle.significantCharacters(original)
        var digits: [String] = []
        if allDigits.count >= Needle.minimumDigits, isDigitHeavy || Needle.identifierTypes.contains(type) {
            digits.append(allDigits)
        }
        if let date {
            for y in date.years {
                let mm = String(format: "%02d", date.month)
                let dd = String(format: "%02d", date.day)
                digits += ["\(mm)\(dd)\(y)", "\(y)\(mm)\(dd)"]
            }
        }
        self.digits = Array(Set(digits)).sorted()
    }

    /// What tells two originals apart for searching: equal keys are one search.
    var key: String {
        forms.map { $0.joined(separator: " ") }.joined(separator: "/") + "#" + digits.joined(separator: ",")
            + (needsCapital ? "^" : "")
    }
}
