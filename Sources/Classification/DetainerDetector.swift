import FoiaCore
import Foundation
import TextPatterns

/// Finds whether a communication states or shows that an ICE detainer or immigration
/// warrant was requested, issued, lodged, sent or is on file, and which forms.
///
/// A detainer is present when any one of these holds:
/// - a page of the communication is the form itself: a line that is the form's printed
///   title ("IMMIGRATION DETAINER – NOTICE OF ACTION") or its footer ("DHS Form I-247A (3/17)");
/// - an attachment's file name names a form or a detainer (`ALVAREZ I-247A.pdf`);
/// - the subject names a detainer or form and the message sends attachments ("Subject:
///   I-247A – ALVAREZ" over "Attached.");
/// - a sentence names a detainer, warrant or form with a positive cue in the same clause
///   ("lodged", "on file", "attached", "faxed") or right after it ("detainer for Jose"),
///   and no cue makes it denied ("no detainer was lodged", "ICE declined to lodge"),
///   supposed ("if ICE lodges", "should ICE request", a question, unless the writer says
///   it was done: "did you get the detainer I sent?") or general ("policy on detainers",
///   "under the Trust Act").
/// Quoted messages count like the rest of the body: a reply quoting a lodged detainer is
/// about that detainer. Forms are those of positive mentions, shown pages and attachment
/// names; a form named only in a denied or supposed sentence is not listed.
struct DetainerDetector: Sendable {
    let rules: DetainerRules

    private struct Occurrence {
        var range: NSRange
        /// Index into `rules.forms`, or nil for a plain term such as "detainer".
        var form: Int?
        var isTitle: Bool
    }

    /// Why a mention was or was not taken as a detainer.
    enum Verdict: Equatable {
        case positive(String)
        case rejected(String)

        var isPositive: Bool { if case .positive = self { true } else { false } }
        var rule: String {
            switch self {
            case .positive(let r), .rejected(let r): r
            }
        }
    }

    func detect(_ text: MessageText) -> DetainerFinding {
        var forms: Set<Int> = []
        var decision: DetainerDecision?
        var rejection: DetainerDecision?
        // "Detainer policy FAQ.pdf" is no detainer.
        let attachments = text.attachmentNames.filter { name in
            let name = PatternText(name)
            return !rules.policyCues.contains { !$0.matches(in: name).isEmpty }
        }
        for (i, form) in rules.forms.enumerated() {
            for name in attachments where form.numbers.contains(where: { !$0.matches(in: PatternText(name)).isEmpty }) {
                forms.insert(i)
                if decision == nil { decision = DetainerDecision(rule: "attachment_name", sentence: name, page: nil) }
            }
        }
        if decision == nil,
            let name = attachments.first(where: { name in
                rules.terms.contains { !$0.matches(in: PatternText(name)).isEmpty }
            })
        {
            decision = DetainerDecision(rule: "attachment_name", sentence: name, page: nil)
        }
        let cues = Cues(rules, text.scan)
        for occurrence in occurrences(in: text.scan) {
            let verdict = self.verdict(occurrence, text, cues)
            let explained = DetainerDecision(
                rule: verdict.rule, sentence: text.evidence(for: occurrence.range, limit: 240),
                page: text.page(at: occurrence.range.location))
            if verdict.isPositive {
                if decision == nil { decision = explained }
                if let f = occurrence.form { forms.insert(f) }
            } else if rejection == nil {
                rejection = explained
            }
        }
        if let subjectForms = attachedPerSubject(text) {
            if decision == nil {
                decision = DetainerDecision(rule: "subject_with_attachments", sentence: text.subject ?? "", page: nil)
            }
            forms.formUnion(subjectForms)
        }
        guard let decision else { return DetainerFinding(present: false, forms: [], decidedBy: rejection) }
        return DetainerFinding(present: true, forms: forms.sorted().map { rules.forms[$0].name }, decidedBy: decision)
    }

    /// "Subject: I-247A – ALVAREZ" over "Attached.": the subject names what the message sends.
    ///
    /// A subject is a topic, not a statement, so it counts only when it names a detainer or
    /// form with no negation, hypothesis or policy word, and the message has attachments or
    /// says near its top that something is attached. Returns the forms it names.
    private func attachedPerSubject(_ text: MessageText) -> Set<Int>? {
        guard let subject = text.subject, !subject.isEmpty else { return nil }
        let s = PatternText(subject)
        let all = NSRange(location: 0, length: s.length)
        let named = occurrences(in: s)
        guard !named.isEmpty else { return nil }
        let denied = [rules.negationBefore, rules.negationAfter, rules.hypotheticalBefore, rules.policyCues].joined()
        if denied.contains(where: { !$0.matches(in: s, range: all).isEmpty }) { return nil }
        let top = NSRange(location: 0, length: min(400, text.scan.length))
        let attached =
            text.hasHeaderAttachments
            || rules.attachmentCues.contains { !$0.matches(in: text.scan, range: top).isEmpty }
        guard attached else { return nil }
        return Set(named.compactMap(\.form))
    }

    /// Every cue match in the text, found once per communication.
    private struct Cues {
        let positive, assertive, negationBefore, negationAfter, hypotheticalBefore, hypotheticalAfter, policy: [NSRange]
        let otherPerson: [NSRange]

        init(_ rules: DetainerRules, _ text: PatternText) {
            positive = allMatches(rules.positiveCues, in: text)
            assertive = allMatches(rules.assertiveCues, in: text)
            negationBefore = allMatches(rules.negationBefore, in: text)
            negationAfter = allMatches(rules.negationAfter, in: text)
            hypotheticalBefore = allMatches(rules.hypotheticalBefore, in: text)
            hypotheticalAfter = allMatches(rules.hypotheticalAfter, in: text)
            policy = allMatches(rules.policyCues, in: text)
            otherPerson = allMatches(rules.otherPersonCues, in: text)
        }
    }

    /// Form numbers, titles and plain terms; a mention inside a longer one (the "detainer"
    /// of "Immigration Detainer – Notice of Action") is dropped.
    private func occurrences(in text: PatternText) -> [Occurrence] {
        var all: [Occurrence] = []
        for (i, form) in rules.forms.enumerated() {
            all += form.numbers.flatMap { $0.matches(in: text) }.map { Occurrence(range: $0, form: i, isTitle: false) }
            all += form.titles.flatMap { $0.matches(in: text) }.map { Occurrence(range: $0, form: i, isTitle: true) }
        }
        all += rules.terms.flatMap { $0.matches(in: text) }.map { Occurrence(range: $0, form: nil, isTitle: false) }
        return all.filter { o in
            !all.contains { other in
                other.range.length > o.range.length && NSIntersectionRange(other.range, o.range) == o.range
            }
        }
    }

    private func verdict(_ o: Occurrence, _ text: MessageText, _ cues: Cues) -> Verdict {
        if o.form != nil {
            switch shownForm(o, text) {
            case .some(true): return .positive("shown_form")
            case .some(false), nil: break
            }
        }
        guard let sentence = text.sentence(at: o.range.location) else { return .rejected("no_sentence") }
        let scan = text.scan
        let scope = NegationScope(text: scan)
        let clause = clause(at: o.range.location, of: sentence, in: scan)
        let s = rules.scope
        if scope.precedes(cues.negationBefore, o.range, in: clause, maxWords: s.negationBefore, acrossCommas: false)
            || scope.follows(cues.negationAfter, o.range, in: sentence, maxWords: s.negationAfter)
        {
            return .rejected("negated")
        }
        let asserted = scope.anywhere(cues.assertive, in: clause, except: o.range)
        if !asserted {
            if isQuestion(sentence, scan) { return .rejected("question") }
            if scope.precedes(cues.hypotheticalBefore, o.range, in: sentence)
                || scope.follows(cues.hypotheticalAfter, o.range, in: clause, maxWords: s.hypotheticalAfter)
            {
                return .rejected("hypothetical")
            }
        }
        if scope.anywhere(cues.policy, in: sentence) { return .rejected("policy") }
        if scope.precedes(cues.otherPerson, o.range, in: sentence) { return .rejected("other_person") }
        if asserted { return .positive("positive_sentence") }
        if scope.anywhere(cues.positive, in: clause, except: o.range) || isReference(o.range, scan) {
            return .positive("positive_sentence")
        }
        return .rejected("no_positive_cue")
    }

    /// A line that is the form's title, or that starts with `Form I-…` / `DHS Form I-…`, is the
    /// form's own page (true). A title that only fills a line because running text wrapped
    /// around it ("…by annotating on the" / "Warrant of Removal/Deportation.") is not (false).
    /// nil: the line is not a title line. Unless true, the sentence decides.
    private func shownForm(_ o: Occurrence, _ text: MessageText) -> Bool? {
        let index = text.lineIndex(at: o.range.location)
        let line = text.lines[index]
        let lineRange = NSRange(location: line.lowerBound, length: line.count)
        let whole = text.scan.substring(with: lineRange)
        let letters = whole.filter { $0.isLetter || $0.isNumber }.count
        if o.isTitle {
            let title = text.scan.substring(with: o.range).filter { $0.isLetter || $0.isNumber }.count
            guard title * 10 >= letters * 7 else { return nil }
            let lead = text.scan.substring(
                with: NSRange(location: line.lowerBound, length: o.range.location - line.lowerBound))
            return !DetainerDetector.endsRunOn(lead) && !continuesSentence(before: index, text)
        }
        let before = text.scan.substring(
            with: NSRange(location: line.lowerBound, length: o.range.location - line.lowerBound))
        return before.range(of: #"^\W*(dhs\s+)?form\s*$"#, options: [.regularExpression, .caseInsensitive]) != nil ? true : nil
    }

    private static let runOnWords: Set<String> = [
        "the", "a", "an", "of", "on", "or", "and", "to", "for", "by", "in", "with", "under", "any", "this", "that",
        "its", "their", "his", "her", "as", "upon", "each", "such",
    ]

    /// Whether the line before `index` runs on into it, as wrapped running text does.
    private func continuesSentence(before index: Int, _ text: MessageText) -> Bool {
        guard index > 0 else { return false }
        let r = text.lines[index - 1]
        return DetainerDetector.endsRunOn(text.scan.substring(with: NSRange(location: r.lowerBound, length: r.count)))
    }

    /// Text that ends in a comma or a lower-case article, preposition or conjunction.
    private static func endsRunOn(_ text: String) -> Bool {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s.hasSuffix(",") { return true }
        let word = s.split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? ""
        return word == word.lowercased() && runOnWords.contains(word)
    }

    private func isQuestion(_ sentence: NSRange, _ text: PatternText) -> Bool {
        sentence.length > 0 && text.character(at: sentence.location + sentence.length - 1) == 0x3F
    }

    /// "detainer for Jose Alvarez", "I-247A on him": the mention is about someone in particular.
    private func isReference(_ mention: NSRange, _ text: PatternText) -> Bool {
        let start = mention.location + mention.length
        let rest = NSRange(location: start, length: min(60, text.length - start))
        return rules.referenceCues.contains { cue in
            cue.regex.firstMatch(in: text, options: [.anchored], range: rest) != nil
        }
    }
}
