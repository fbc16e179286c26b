import Foundation
import TextPatterns

/// Who and what is public: the allowlist of `Pipelines/pii/officials.yaml`.
///
/// Public officials acting in office are named in the open; so are the agencies' own phone
/// lines, work e-mail addresses and buildings. This type answers "is this official?" for
/// e-mail domains, titles, names, phones and addresses. Whether a name in a signature block
/// is an official's is decided in `OfficialNames`, from the titles and agencies here.
struct Officials: Sendable {
    /// Agency e-mail domains; subdomains count (`pd.boston.gov` is under `boston.gov`).
    var domains: [String] = []
    /// Domain endings that are public bodies everywhere (`.gov`, `.mil`).
    var domainSuffixes: [String] = []
    /// Webmail domains: an address there is a private person's, and so is its display name.
    var privateDomains: Set<String> = []
    /// Ranks and titles that make the name after them, or the signature they stand in, an official's.
    var titles: [String] = []
    /// Job titles that make a signature official only together with an agency line or e-mail.
    var workTitles: [String] = []
    /// Agency names: mark signature blocks, and are never person names.
    var agencies: [String] = []
    /// Identities of officials listed by name.
    var nameIdentities: Set<String> = []
    var names: [PersonName] = []
    /// Every word of the listed names.
    var nameWords: Set<String> = []
    /// Agency phone numbers (ten digits) kept wherever they appear.
    var phones: Set<String> = []
    /// Leading digits of agency number blocks (`617343` for Boston Police headquarters).
    var phonePrefixes: [String] = []
    /// Agency and court addresses, normalised (see `normalizeAddress`).
    var addresses: [[String]] = []

    // Compiled from the lists above.
    var titleBefore: TextPattern?
    var titleInLine: TextPattern?
    var workTitleInLine: TextPattern?
    var agencyInLine: TextPattern?
    /// An agency or court name ending a text (`Dorchester District Court, `).
    var agencyAtEnd: TextPattern?

    enum DomainKind: Sendable {
        case agency
        case webmail
        case unknown
    }

    /// What a domain is. Text run on after an address (`x@pd.boston.gov.Mark.Brennan`, two
    /// addresses printed without a space) is tried off, label by label.
    func domainKind(_ raw: String) -> DomainKind {
        var labels = Officials.normalizeDomain(raw).split(separator: ".").map(String.init)
        while labels.count >= 2 {
            let d = labels.joined(separator: ".")
            if domains.contains(where: { d == $0 || d.hasSuffix("." + $0) }) { return .agency }
            // One OCR error in a long agency domain (`chicagopolice.ore`).
            if d.count >= 10, domains.contains(where: { $0.count >= 10 && editDistanceAtMostOne($0, d) }) { return .agency }
            if domainSuffixes.contains(where: { d.hasSuffix($0) }) { return .agency }
            // An agency domain cut short by a line break or OCR (`@pd.boston`, `@ice.dhs`).
            if labels.count >= 2, d.count >= 6, domains.contains(where: { $0.hasPrefix(d + ".") }) { return .agency }
            if privateDomains.contains(d) { return .webmail }
            labels.removeLast()
        }
        return .unknown
    }

    static func normalizeDomain(_ raw: String) -> String {
        raw.lowercased().filter { !$0.isWhitespace }.trimmingCharacters(in: CharacterSet(charactersIn: ".>]),;:"))
    }

    func isAgencyPhone(_ printed: String) -> Bool {
        var d = IdentifierCheck.digits(printed)
        if d.count == 11, d.first == "1" { d.removeFirst() }
        if phones.contains(d) { return true }
        return phonePrefixes.contains { d.hasPrefix($0) }
    }

    func isAgencyAddress(_ printed: String) -> Bool {
        let words = Officials.normalizeAddress(printed)
        return addresses.contains { entry in
            guard !entry.isEmpty, entry.count <= words.count else { return false }
            for start in 0...(words.count - entry.count) where Array(words[start..<start + entry.count]) == entry {
                return true
            }
            return false
        }
    }

    static let streetWords: [String: String] = [
        "street": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd", "place": "pl",
        "square": "sq", "plaza": "plz", "drive": "dr", "lane": "ln", "court": "ct", "terrace": "ter",
        "parkway": "pkwy", "highway": "hwy", "one": "1", "building": "bldg", "floor": "fl", "suite": "ste",
        "center": "ctr", "federal": "fed",
    ]

    /// Lower-case words with punctuation dropped and street words abbreviated, so
    /// `15 New Sudbury Street` and `15 NEW SUDBURY ST.` compare equal.
    static func normalizeAddress(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { w in
            let word = String(w)
            return streetWords[word] ?? word
        }
    }

    /// A regular expression matching any of the phrases as whole words; `caseInsensitive`
    /// for agency names, case as listed (plus all capitals) for ranks.
    static func alternation(_ phrases: [String], caseInsensitive: Bool, suffix: String = "") -> TextPattern? {
        guard !phrases.isEmpty else { return nil }
        // A trailing dot is optional (`Cmdr.`, `Cmdr`): the suffix pattern allows one.
        let trimmed = phrases.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        var variants = Set(trimmed)
        if !caseInsensitive { for p in trimmed { variants.insert(p.uppercased()) } }
        // Longest first, so `Sgt. Det.` wins over `Sgt.`.
        let body = variants.sorted { $0.count == $1.count ? $0 < $1 : $0.count > $1.count }
            .map { TextPattern.escapedPattern(for: $0).replacingOccurrences(of: "\\ ", with: "\\s+") }
            .map { $0.replacingOccurrences(of: " ", with: "\\s+") }
            .joined(separator: "|")
        let pattern = "(?<![\\p{L}])(?:" + body + ")" + suffix
        return try? TextPattern(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    mutating func compile() {
        titleBefore = Officials.alternation(titles, caseInsensitive: false, suffix: "(?![\\p{L}])\\.?[ \\t]+")
        titleInLine = Officials.alternation(titles, caseInsensitive: true, suffix: "\\.?(?![\\p{L}])")
        workTitleInLine = Officials.alternation(workTitles, caseInsensitive: true, suffix: "\\.?(?![\\p{L}])")
        agencyInLine = Officials.alternation(agencies, caseInsensitive: true, suffix: "\\.?(?![\\p{L}])")
        agencyAtEnd = Officials.alternation(agencies, caseInsensitive: true, suffix: "[\\s,(:\\-–—]*$")
    }

    static func has(_ regex: TextPattern?, _ s: String) -> Bool {
        guard let regex else { return false }
        return regex.isMatch(in: s)
    }
}
