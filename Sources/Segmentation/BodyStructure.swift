import FoiaCore
import Foundation
import Rules

/// Finds what in a message's body nobody wrote for this message: signature blocks and
/// confidentiality footers (disclaimers), and, on the pages of a record or form attached to
/// it, the form's lines.
///
/// Every pattern comes from the pipeline file (`segmentation.disclaimers`,
/// `segmentation.signature`, `segmentation.form_titles`). Only lines read as body text are
/// given these roles; header lines, separators and attributions keep theirs. The search is
/// conservative, because classification skips signature and disclaimer lines:
/// - a disclaimer starts at a line matching one of `disclaimers` and runs on while the
///   paragraph does (the line before ends without a full stop, or the line matches too);
/// - a signature starts at a closing line (`Thanks,`, `Regards`) only when every line from it
///   to the end of the message part (a header, separator, disclaimer, page break or the end of
///   the body) is short; or at up to five name or title lines above a run of contact lines
///   (a phone, fax or e-mail line, a web address); and `Sent from my iPhone` is one;
/// - a form line is any body line from a line naming a form (`IMMIGRATION DETAINER`) to the
///   foot of its page.
struct BodyStructure: Sendable {
    /// Each list of the pipeline file as one alternation (one search per line), or nil when empty.
    let disclaimers: String?
    let closings: String?
    let contacts: String?
    let formTitles: String?

    init(config: SegmentationConfig) {
        func alternation(_ patterns: [String]) -> String? {
            patterns.isEmpty ? nil : patterns.map { "(?:\($0))" }.joined(separator: "|")
        }
        disclaimers = alternation(config.disclaimers)
        closings = alternation(config.signatureClosings)
        contacts = alternation(config.signatureLines)
        formTitles = alternation(config.formTitles)
    }

    /// A signature's lines are short: a name, a title, an address, a phone.
    static let shortWords = 8
    /// More lines than this in a run of contact lines make a table, not a signature.
    static let longestSignature = 14

    /// Gives signature, disclaimer and form roles to body lines. `pages` holds each line's page
    /// when known (a page break ends a signature).
    func mark(_ roles: inout [LineRole], texts: [String], pages: [Int]?) {
        guard roles.count == texts.count, !texts.isEmpty else { return }
        let n = texts.count
        func isBody(_ k: Int) -> Bool { roles[k].kind == .body }
        // Without pages, the lines are one page's.
        func page(_ k: Int) -> Int { pages.flatMap { k < $0.count ? $0[k] : nil } ?? 0 }
        func words(_ k: Int) -> Int { texts[k].split(separator: " ").count }

        // Forms and records: from a form's title to the foot of its page.
        if formTitles != nil {
            var k = 0
            while k < n {
                guard isBody(k), matches(formTitles, texts[k]) else {
                    k += 1
                    continue
                }
                let p = page(k)
                var j = k
                while j < n, page(j) == p {
                    if isBody(j) { roles[j] = LineRole(.form) }
                    j += 1
                }
                k = max(j, k + 1)
            }
        }

        // Disclaimers.
        if disclaimers != nil {
            var k = 0
            while k < n {
                guard isBody(k), matches(disclaimers, texts[k]) else {
                    k += 1
                    continue
                }
                roles[k] = LineRole(.disclaimer)
                var j = k + 1
                while j < n, j - k < 12, isBody(j), page(j) == page(j - 1),
                    !BodyStructure.endsSentence(texts[j - 1]) || matches(disclaimers, texts[j])
                {
                    roles[j] = LineRole(.disclaimer)
                    j += 1
                }
                k = j
            }
        }

        // The end of the message part after line k: a line with another role, a page break.
        func isBoundary(_ j: Int) -> Bool {
            j >= n || !isBody(j) || page(j) != page(j - 1)
        }

        // Signatures after a closing line.
        for k in 0..<n where isBody(k) && matches(closings, texts[k]) {
            var j = k + 1
            while !isBoundary(j), j - k <= 10, words(j) <= BodyStructure.shortWords { j += 1 }
            guard isBoundary(j) else { continue }
            for m in k..<j { roles[m] = LineRole(.signature) }
        }

        // Signatures made of contact lines, with the name and title lines above them.
        var k = 0
        while k < n {
            guard isBody(k), isContact(texts[k]) else {
                k += 1
                continue
            }
            var start = k
            while start > 0, k - start < 5, isBody(start - 1), page(start - 1) == page(k),
                BodyStructure.isNameOrTitle(texts[start - 1])
            {
                start -= 1
            }
            var end = k + 1
            while end < n, isBody(end), page(end) == page(k),
                isContact(texts[end]) || BodyStructure.isNameOrTitle(texts[end])
            {
                end += 1
            }
            // A long run is a table (a call log, a phone list), not a signature.
            if end - start <= BodyStructure.longestSignature {
                for m in start..<end { roles[m] = LineRole(.signature) }
            }
            k = end
        }
    }

    /// A contact line of a signature: a phone, fax or e-mail line or a web address, short.
    func isContact(_ text: String) -> Bool {
        text.split(separator: " ").count <= BodyStructure.shortWords && matches(contacts, text)
    }

    /// A signature's name or title line: a few capitalised words, no digits, no full stop at
    /// the end (`Cmdr Jonathan H. Lewin`, `Managing Deputy Director`, `Chicago Police/ OEMC`).
    static func isNameOrTitle(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count), !text.contains(where: \.isNumber), !endsSentence(text),
            !text.hasSuffix(":"), !text.hasSuffix(",")
        else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        let small: Set<Substring> = ["of", "and", "for", "the", "&", "-", "/"]
        return words.allSatisfy { $0.first?.isUppercase == true || small.contains($0) }
            && capitalised >= max(1, words.count - 2)
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".!?".contains(last)
    }

    private func matches(_ pattern: String?, _ text: String) -> Bool {
        guard let pattern, !text.isEmpty, let re = RegexCache.shared.regex(pattern, caseInsensitive: true) else { return false }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
