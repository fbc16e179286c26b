import FoiaCore
import Foundation
import TextPatterns

/// Finds public officials acting in office, whose names stay, and their signature blocks.
///
/// Catches, from the lists in `officials.yaml`:
/// - a rank or title before a name: `Sgt. Det. Robert Flaherty`, `Det. Kelly`, `P.O. Delgado`,
///   `SDDO Patrick Conroy`, `Special Agent Jane Doe`;
/// - a signature: a line that is only a name, followed within three lines by a title line
///   (`Deportation Officer`), or by a job title line (`Records Supervisor`) with an agency
///   line or agency e-mail further down; and `Brian McCarthy - Supervisory Detention and
///   Deportation Officer` on one line.
///
/// The signature block (the name or title line and the short lines after it: agency,
/// address, `O:`/`Cell:`/`Fax` numbers, e-mail) is remembered, so that an official's office
/// and work-cell numbers and work address are kept while the same shapes elsewhere are not.
///
/// Leaves alone: a private person's signature (`Maria Pereira` over `Sent from my iPhone`),
/// and job titles without any agency (`Store Manager`).
enum OfficialNames {
    struct Result {
        var officials: [OfficialHit] = []
        var signatureLines = Set<Int>()
    }

    static let nameTitleSeparator = try! TextPattern(pattern: #"^\s*(?:[-–—,|]|\s)\s*"#)

    static func find(_ ctx: ScanContext) -> Result {
        var result = Result()
        let o = ctx.rules.officials
        // Ranks before names, anywhere.
        if let rank = o.titleBefore {
            for m in ctx.matches(rank) {
                let end = m.range.location + m.range.length
                guard let t = ctx.token(atOrAfter: end), ctx.tokens[t].span.start == end else { continue }
                if let name = ctx.parser.name(at: t, .weak) {
                    result.officials.append(OfficialHit(span: name.span, name: name.name, strength: 0.9, reason: "rank"))
                } else if ctx.parser.isNameWord(t, .weak) {
                    let token = ctx.tokens[t]
                    result.officials.append(
                        OfficialHit(
                            span: token.span, name: PersonName(given: [], surname: [token.folded]), strength: 0.9,
                            reason: "rank"))
                }
            }
        }
        guard ctx.field == .body else { return result }
        let lines = ctx.lines.lines
        let kinds = LineKinds(ctx)
        var blockStarts: [Int] = []
        for line in lines where !line.isBlank && !ctx.isHeaderLine(line.index) {
            let following = nextLines(after: line.index, count: 4, lines)
            if kinds.isTitleLine(line) {
                blockStarts.append(line.index)
            } else if kinds.isWorkTitleLine(line), following.contains(where: { kinds.isAgencyLine($0) || hasAgencyEmail($0, ctx) }) {
                blockStarts.append(line.index)
            } else if kinds.isAgencyLine(line), let previous = previousLine(before: line.index, lines),
                isClosing(previous) || isExemptionOnly(previous) || isShortNameish(previous)
            {
                blockStarts.append(line.index)
            } else if isExemptionOnly(line), let next = following.first,
                kinds.isTitleLine(next) || kinds.isWorkTitleLine(next) || kinds.isAgencyLine(next)
            {
                blockStarts.append(line.index)
            }
            guard let (name, rest) = nameLine(line, ctx) else { continue }
            var official = false
            var strength = 0.9
            if !rest.isEmpty, Officials.has(o.titleInLine, rest) || Officials.has(o.workTitleInLine, rest) {
                official = true
            } else if rest.isEmpty, !continuesSentence(line, lines) {
                // A signature follows its closing line: a name before `Thx,` ends the message's
                // prose (`… on file for` / `Chinedu Nwosu.` / `Thx,` / `SDDO Rachel Doherty`).
                let next3 = Array(following.prefix(3).prefix { !isClosing($0) })
                if next3.contains(where: { kinds.isTitleLine($0) }) {
                    official = true
                } else if next3.contains(where: { kinds.isWorkTitleLine($0) }),
                    nextLines(after: line.index, count: 6, lines).contains(where: {
                        kinds.isAgencyLine($0) || hasAgencyEmail($0, ctx)
                    })
                {
                    official = true
                    strength = 0.85
                }
            }
            if official {
                result.officials.append(OfficialHit(span: name.span, name: name.name, strength: strength, reason: "signature"))
                blockStarts.append(line.index)
            }
        }
        for start in blockStarts {
            result.signatureLines.insert(start)
            var i = start + 1
            var taken = 0
            while i < lines.count, taken < 14 {
                let l = lines[i]
                i += 1
                taken += 1
                if l.isBlank { continue }
                if ctx.role(ofLine: l.index).kind == .title { continue }
                if ctx.isHeaderLine(l.index) || l.wordCount > 10 || ctx.lineHas(privateData, l.index) { break }
                result.signatureLines.insert(l.index)
            }
        }
        return result
    }

    static let closingWords = try! TextPattern(
        pattern: #"^(?:thanks|thank\s+you|thx|regards|best|best\s+regards|respectfully|sincerely|v/r|vr|vir|cheers|warm\s+regards|kind\s+regards|take\s+care|stay\s+safe|all\s+the\s+best)[,.!]*\s*$"#,
        options: [.caseInsensitive])
    /// A line holding only exemption codes where the agency blacked out a name: `(b)(6), (b)(7)(C)`.
    static let exemptionCodes = try! TextPattern(
        pattern: #"^[\s\[|]*(?:\(?\s*[b0-9]\s*\)\s*\(\s*[0-9a-z]{1,2}\s*\)(?:\s*\(\s*[a-z0-9]{1,2}\s*\))?[\s,;:\]|]*)+$"#,
        options: [.caseInsensitive])
    /// Lines of a person's record, which end a signature block (`DOB: …`, `A-Number: …`).
    static let privateData = try! TextPattern(
        pattern:
            #"(?:^(?:Name|DOB|D\.?O\.?B|Date\s+of\s+Birth|SSN|SS#|A-?Number|A\s?#|Alien|SID|PCF|FBI|UCN|Address|ADDR|Home|MA\s+reg|MA\s+DL|DL|Victim|Suspect|Defendant|POB|Citizenship)\b|passport)"#,
        options: [.caseInsensitive])

    static func isClosing(_ line: TextLine) -> Bool { closingWords.isMatch(in: line.content) }
    static func isExemptionOnly(_ line: TextLine) -> Bool { exemptionCodes.isMatch(in: line.content) }

    /// A short line without digits (a signature's name, maybe blacked out or garbled by OCR).
    static func isShortNameish(_ line: TextLine) -> Bool {
        line.wordCount <= 4 && !line.content.contains(where: \.isNumber) && !line.content.hasSuffix(".")
            && !line.content.hasSuffix("?")
    }

    /// A line that finishes a sentence begun on the line above (`… warrant of removal on file
    /// for` over `Chinedu Nwosu.`): the line above runs on (ends in a lower-case word or a
    /// comma), has more than three words and is no closing (`Best regards,` over a name is a
    /// signature).
    static func continuesSentence(_ line: TextLine, _ lines: [TextLine]) -> Bool {
        guard line.index > 0, !lines[line.index - 1].isBlank else { return false }
        let above = lines[line.index - 1]
        guard above.wordCount > 3, !isClosing(above), let last = above.content.last else { return false }
        return last.isLowercase || last == ","
    }

    static func previousLine(before index: Int, _ lines: [TextLine]) -> TextLine? {
        var i = index - 1
        while i >= 0 {
            if !lines[i].isBlank { return lines[i] }
            i -= 1
        }
        return nil
    }

    /// The non-blank lines after a line.
    static func nextLines(after index: Int, count: Int, _ lines: [TextLine]) -> [TextLine] {
        var out: [TextLine] = []
        var i = index + 1
        while i < lines.count, out.count < count {
            if !lines[i].isBlank { out.append(lines[i]) }
            i += 1
        }
        return out
    }

    static let greetings: Set<String> = ["hi", "hello", "dear", "good", "thanks", "thank", "hey", "attention", "attn"]

    /// What the officials lists say about each line, asked of a line once: the signature
    /// search looks at every line and again at the few after each, and the lists are long
    /// alternations (a fifth of all matching time when each question converted and searched
    /// the line anew).
    final class LineKinds {
        private let ctx: ScanContext
        private var title: [Bool?]
        private var workTitle: [Bool?]
        private var agency: [Bool?]

        init(_ ctx: ScanContext) {
            self.ctx = ctx
            title = Array(repeating: nil, count: ctx.lines.lines.count)
            workTitle = title
            agency = title
        }

        private func cached(_ memo: inout [Bool?], _ i: Int, _ compute: () -> Bool) -> Bool {
            if let known = memo[i] { return known }
            let value = compute()
            memo[i] = value
            return value
        }

        /// A line naming a rank or title (`Sergeant Detective`, `Deportation Officer`), not a
        /// greeting (`Detective,`) or a sentence.
        func isTitleLine(_ line: TextLine) -> Bool {
            cached(&title, line.index) {
                let content = line.content.trimmingCharacters(in: .whitespaces)
                // The line is searched in place; spaces around it change nothing for the list
                // (it needs no letter before or after a title).
                guard line.wordCount <= 8, !content.contains(where: \.isNumber), !content.hasSuffix(","),
                    !content.hasSuffix("?"), !content.hasSuffix(":"), ctx.lineHas(ctx.rules.officials.titleInLine, line.index)
                else { return false }
                let words = content.split(separator: " ").filter { $0.first?.isLetter ?? false }
                if let first = words.first, greetings.contains(first.lowercased()) { return false }
                let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
                return capitalised * 2 >= words.count
            }
        }

        func isWorkTitleLine(_ line: TextLine) -> Bool {
            cached(&workTitle, line.index) {
                line.wordCount <= 8 && ctx.lineHas(ctx.rules.officials.workTitleInLine, line.index)
            }
        }

        func isAgencyLine(_ line: TextLine) -> Bool {
            cached(&agency, line.index) {
                line.wordCount <= 10 && ctx.lineHas(ctx.rules.officials.agencyInLine, line.index)
            }
        }
    }

    static func hasAgencyEmail(_ line: TextLine, _ ctx: ScanContext) -> Bool {
        return PartyNameRule.email.matches(in: ctx.ns, range: line.contentSpan.nsRange).contains {
            let domain = String(ctx.ns.substring(with: $0.range).split(separator: "@").last ?? "")
            return ctx.rules.officials.domainKind(domain) == .agency
        }
    }

    /// A line that is a name (after an optional rank), with whatever follows it on the line
    /// after a dash or comma (`Brian McCarthy - Supervisory Detention and Deportation Officer`).
    static func nameLine(_ line: TextLine, _ ctx: ScanContext) -> (NameMatch, String)? {
        guard line.wordCount <= 14 else { return nil }
        var start = line.contentStart
        if let rank = ctx.rules.officials.titleBefore,
            let m = rank.firstMatch(in: ctx.ns, options: [.anchored, .withTransparentBounds], range: line.contentSpan.nsRange)
        {
            start = m.range.location + m.range.length
        }
        guard let t = ctx.token(atOrAfter: start), ctx.tokenLine[t] == line.index,
            ctx.tokens[t].span.start - start <= 1,
            let name = ctx.parser.name(at: t, .weak)
        else { return nil }
        let rest = ctx.ns.substring(with: NSRange(location: name.span.end, length: line.span.end - name.span.end))
        let trimmed = rest.trimmingCharacters(in: CharacterSet(charactersIn: " \t.,;:"))
        if trimmed.isEmpty { return (name, "") }
        // Only a separator then a title may follow.
        guard let first = rest.trimmingCharacters(in: .whitespaces).first, "-–—,|".contains(first) else { return nil }
        return (name, trimmed)
    }
}
