import Foundation
import TextPatterns

/// A statute citation reduced to what identifies it, however it was printed:
/// `G.L. c.265, s.15A`, `c265 §15A(b)` and `MGL ch. 265 § 15A` are all MGL 265/15A.
struct Citation: Sendable, Hashable, CustomStringConvertible {
    var law: String
    var chapter: String
    var section: String
    /// Normalised `(1)(a)`, or empty.
    var subsection: String

    /// Whether a rule's citation covers this printed one: same section, and the rule's
    /// subsection (if any) is a prefix of the printed one. `c.90 §24(2)(a)` is covered by
    /// a rule for `c.90 §24(2)` but not by one for `c.90 §24(1)`.
    func isCovered(by rule: Citation) -> Bool {
        law == rule.law && chapter == rule.chapter && section == rule.section
            && subsection.hasPrefix(rule.subsection)
    }

    var description: String { "\(law) \(chapter)/\(section)\(subsection)" }
}

/// One way statutes are cited: a pattern with named groups `chapter`, `section` and
/// optionally `subsection`, for one body of law.
///
/// Several formats can share a law (`c. 90 § 10` and `Chapter 90, Section 10`); another
/// state's codes are added as formats with their own law name, without touching Swift.
struct CitationFormat: Sendable {
    var law: String
    var pattern: RulePattern

    static let requiredGroups = ["chapter", "section"]

    /// Every citation this format finds in the text.
    func citations(in text: PatternText) -> [(range: NSRange, citation: Citation)] {
        let whole = NSRange(location: 0, length: text.length)
        return pattern.regex.matches(in: text, range: whole).compactMap { m in
            guard let chapter = group(m, "chapter", text), let section = group(m, "section", text) else {
                return nil
            }
            let sub = group(m, "subsection", text) ?? ""
            return (m.range, Citation(law: law, chapter: chapter, section: section, subsection: normalised(sub)))
        }
    }

    /// Reads a citation written in a rule file (`MGL c.90 §24(1)`), or nil when this format does not.
    func parse(_ written: String) -> Citation? {
        let text = PatternText(written)
        return citations(in: text).first { $0.range.length >= text.length - 6 }?.citation
    }

    private func group(_ m: PatternMatch, _ name: String, _ text: PatternText) -> String? {
        let r = m.range(withName: name)
        guard r.location != NSNotFound, r.length > 0 else { return nil }
        return text.substring(with: r).uppercased()
    }

    private func normalised(_ subsection: String) -> String {
        subsection.lowercased().filter { !$0.isWhitespace }
    }
}

/// Finds the categories named by statute citations alone.
struct CitationReader: Sendable {
    var formats: [CitationFormat]
    var categories: [OffenseCategoryRule]

    /// Each citation in the text that names exactly one category.
    ///
    /// The most specific rule wins (`§24(2)` over `§24`); a citation two categories claim
    /// equally (MGL c.90 §24 is both OUI and leaving the scene) names neither, and the words
    /// around it decide.
    func mentions(in text: PatternText) -> [(range: NSRange, category: Int)] {
        var out: [(NSRange, Int)] = []
        for format in formats {
            for (range, citation) in format.citations(in: text) {
                var best: (specificity: Int, categories: [Int]) = (-1, [])
                for (i, rule) in categories.enumerated() {
                    for c in rule.citations where citation.isCovered(by: c) {
                        let s = c.subsection.count
                        if s > best.specificity {
                            best = (s, [i])
                        } else if s == best.specificity, !best.categories.contains(i) {
                            best.categories.append(i)
                        }
                    }
                }
                if best.categories.count == 1, let only = best.categories.first { out.append((range, only)) }
            }
        }
        return out
    }
}
