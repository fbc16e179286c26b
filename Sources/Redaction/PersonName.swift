import Foundation

/// A person's name split into given names and surname, folded for comparison.
///
/// The identity (`first last`: the first given name and the last word of the surname) is
/// what two printings of one person share whatever their form: `Jean-Claude Marie-Carmelle
/// Desir` and `DESIR, JEAN-CLAUDE` are both `jean-claude desir`; `AGUILAR ESCOBAR, CARLOS`
/// and `Carlos Aguilar Escobar` are both `carlos escobar`.
struct PersonName: Hashable, Sendable, Codable {
    /// Folded given names in printed order, initials left out.
    var given: [String]
    /// Folded surname words in printed order.
    var surname: [String]

    var identity: String {
        let parts = [given.first, surname.last].compactMap { $0 }
        return parts.joined(separator: " ")
    }

    /// Every word of the name.
    var words: [String] { given + surname }

    /// The parts of hyphenated surnames (`bailey-grant` → `bailey`, `grant`), which OCR and
    /// writers sometimes print apart.
    var surnameParts: [String] {
        surname.flatMap { word -> [String] in
            let parts = word.split(separator: "-").map(String.init)
            return parts.count > 1 ? parts.filter { $0.count >= 3 } : []
        }
    }

    /// The identity of a name given in any printed form (`ALVAREZ, Jose` → `jose alvarez`).
    static func identity(of printed: String) -> String? {
        let words = printed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard !words.isEmpty else { return nil }
        if let comma = printed.firstIndex(of: ",") {
            let surname = printed[..<comma].split(separator: " ").map { foldWord(String($0)) }
            let given = printed[printed.index(after: comma)...].split(separator: " ")
                .map { foldWord(String($0).trimmingCharacters(in: .punctuationCharacters)) }
                .filter { $0.count > 1 }
            return PersonName(given: given, surname: surname).identity
        }
        let folded = words.map { foldWord(String($0).trimmingCharacters(in: .punctuationCharacters)) }
            .filter { $0.count > 1 }
        guard let last = folded.last else { return nil }
        return PersonName(given: Array(folded.dropLast()), surname: [last]).identity
    }
}
