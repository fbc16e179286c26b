/// Removes redaction placeholders (`[PERSON-7F3A]`, `[DOB]`, `[A-NUMBER]`) from text before
/// it is searched.
///
/// A placeholder is what redaction is meant to leave behind, so its own words never count:
/// without this, the `A` and `NUMBER` of `[A-NUMBER]` would sit in the text as ordinary words.
/// OCR often reads a square bracket as a round or curly one, so any of those is accepted.
/// The placeholder becomes a barrier that no digit run or joined word crosses.
enum PlaceholderMask {
    static let barrier = " \u{1}\u{1}\u{1}\u{1} "

    static func apply(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isOpening($0) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if isOpening(scalars[i]), let end = placeholderEnd(scalars, from: i) {
                out.append(contentsOf: barrier.unicodeScalars)
                i = end
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    private static func isOpening(_ s: Unicode.Scalar) -> Bool { s == "[" || s == "(" || s == "{" }
    private static func isClosing(_ s: Unicode.Scalar) -> Bool { s == "]" || s == ")" || s == "}" }

    /// The index just past a placeholder opening at `start`, or nil when there is none there:
    /// an upper-case letter, then upper-case letters, digits and hyphens, then a closing bracket.
    private static func placeholderEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start + 1
        guard i < scalars.count, ("A"..."Z").contains(scalars[i]) else { return nil }
        while i < scalars.count, i - start <= 40 {
            let s = scalars[i]
            if ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" {
                i += 1
                continue
            }
            return isClosing(s) && i - start >= 3 ? i + 1 : nil
        }
        return nil
    }
}
