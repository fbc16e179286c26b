/// Recognises redaction placeholders (`[PERSON-7F3A]`, `[DOB]`, `[A-NUMBER]`) in text being
/// searched.
///
/// A placeholder is what redaction is meant to leave behind, so its own words never count:
/// without this, the `A` and `NUMBER` of `[A-NUMBER]` would sit in the text as ordinary words.
/// OCR often reads a square bracket as a round or curly one, so any of those is accepted.
/// `TextTokens` skips a placeholder and makes it a barrier that no digit run or joined word
/// crosses.
package enum PlaceholderMask {
    /// Separators long enough to end every run (see `TextTokens`), for callers that replace
    /// something other than a placeholder with a barrier.
    package static let barrier = " \u{1}\u{1}\u{1}\u{1} "

    /// The index just past a placeholder opening at `start`, or nil when there is none there:
    /// an opening bracket, an upper-case letter, then upper-case letters, digits and hyphens,
    /// then a closing bracket.
    static func end(in scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index? {
        guard isOpening(scalars[start]) else { return nil }
        var i = scalars.index(after: start)
        guard i < scalars.endIndex, ("A"..."Z").contains(scalars[i]) else { return nil }
        var length = 1
        while i < scalars.endIndex, length <= 40 {
            let s = scalars[i]
            if ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" {
                scalars.formIndex(after: &i)
                length += 1
                continue
            }
            return isClosing(s) && length >= 3 ? scalars.index(after: i) : nil
        }
        return nil
    }

    private static func isOpening(_ s: Unicode.Scalar) -> Bool { s == "[" || s == "(" || s == "{" }
    private static func isClosing(_ s: Unicode.Scalar) -> Bool { s == "]" || s == ")" || s == "}" }
}
