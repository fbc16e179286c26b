import Foundation

/// How a predicted header value is judged against the truth.
///
/// Both sides are normalised first: case-folded, runs of whitespace collapsed to one space,
/// quotes, punctuation and whitespace trimmed at the ends ("RE: Report..." equals
/// "re: report"), and dash variants (hyphen, en and em dash, and runs of them) read as one
/// hyphen: print and OCR do not tell them apart reliably. An empty value counts as absent, so a truth `null` is matched by a null or
/// empty prediction.
package enum HeaderComparison {
    /// Case-folded, whitespace-collapsed, ends trimmed of quotes and punctuation; nil if empty.
    package static func normalise(_ value: String?) -> String? {
        guard let value else { return nil }
        let folded = value.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var dashes = ""
        for c in folded {
            if "-‐‑‒–—―".contains(c) {
                if dashes.last != "-" { dashes.append("-") }
            } else {
                dashes.append(c)
            }
        }
        let collapsed = dashes.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let trimmed = collapsed.trimmingCharacters(in: endTrim)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static let endTrim = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)
        .union(CharacterSet(charactersIn: "\"'`“”‘’«»<>"))

    /// Whether a predicted sender is the truth's sender.
    ///
    /// Printouts name a sender in several ways: Outlook's top block prints the short display
    /// name ("Lewin"), a reply header prints "Lewin, Jonathan H." and a forwarded one
    /// "Lewin, Jonathan H. <jlewin@city.gov>". Labels keep what the top block printed, and a
    /// pipeline may keep the fullest form it saw. So, after normalising, each side is read as
    /// up to three forms (the whole value, the display name before `<`, the address inside
    /// `<…>`), and the sender is right when some form of one side equals some form of the
    /// other, or is a whole-word prefix of it ("lewin" of "lewin, jonathan h." but not "lew"
    /// of "lewin"). A null truth is matched only by a null prediction.
    package static func sameSender(truth: String?, predicted: String?) -> Bool {
        let t = senderForms(truth)
        let p = senderForms(predicted)
        if t.isEmpty || p.isEmpty { return t.isEmpty && p.isEmpty }
        for a in t {
            for b in p where a == b || isWholeWordPrefix(a, of: b) || isWholeWordPrefix(b, of: a) {
                return true
            }
        }
        return false
    }

    /// Whether two recipient lists name the same people: as sets of entries, each entry
    /// matched by the sender rule to a different entry of the other list.
    package static func sameRecipients(truth: [String], predicted: [String]) -> Bool {
        var t = uniqueEntries(truth)
        let p = uniqueEntries(predicted)
        guard t.count == p.count else { return false }
        for entry in p {
            guard let hit = t.firstIndex(where: { sameSender(truth: $0, predicted: entry) }) else { return false }
            t.remove(at: hit)
        }
        return true
    }

    /// Subjects compare equal after normalising.
    package static func sameSubject(truth: String?, predicted: String?) -> Bool {
        normalise(truth) == normalise(predicted)
    }

    /// Times compare to the minute (see `SentTime`); an unreadable prediction is wrong.
    package static func sameSent(truth: String?, predicted: String?) -> Bool {
        let t = normalise(truth)
        let p = normalise(predicted)
        guard let t, let p else { return t == nil && p == nil }
        guard let truthTime = SentTime(iso: t.uppercased()), let predictedTime = SentTime(iso: p.uppercased()) else {
            return t == p
        }
        return truthTime.sameMinute(as: predictedTime)
    }

    static func senderForms(_ value: String?) -> [String] {
        guard let value, let whole = normalise(value) else { return [] }
        var forms = [whole]
        if let open = value.firstIndex(of: "<") {
            if let name = normalise(String(value[..<open])) { forms.append(name) }
            let rest = value[value.index(after: open)...]
            let address = rest.firstIndex(of: ">").map { rest[..<$0] } ?? rest
            if let address = normalise(String(address)) { forms.append(address) }
        }
        return forms
    }

    static func isWholeWordPrefix(_ short: String, of long: String) -> Bool {
        guard long.count > short.count, long.hasPrefix(short) else { return false }
        let next = long[long.index(long.startIndex, offsetBy: short.count)]
        return !(next.isLetter || next.isNumber)
    }

    private static func uniqueEntries(_ list: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for entry in list {
            guard let n = normalise(entry), seen.insert(n).inserted else { continue }
            out.append(entry)
        }
        return out
    }
}
