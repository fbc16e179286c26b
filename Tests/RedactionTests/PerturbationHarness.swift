import FoiaCore
import FoiaTestSupport
import Foundation
import Redaction
import Testing

// The perturbation harness (issue 15, item 6b): base texts written with slots for private
// persons and their identifiers, rendered once per variation class and seed, redacted by the
// real redactor (detect pass, then redact pass), and searched for what is still readable.
// See PERTURBATION.md.

/// A private person of a case, with every identifier the base texts may print.
struct PrivatePerson: Sendable {
    var given: String
    var middle: String
    var surname: String
    var female: Bool
    var dob: (month: Int, day: Int, year: Int)
    /// Nine digits.
    var aNumber: String
    /// Area, group, serial.
    var ssn: (String, String, String)
    /// Massachusetts: S and eight digits.
    var license: String
    var plate: String
    /// MA and eight digits.
    var sid: String
    /// Seven digits.
    var pcf: String
    var fbi: String
    var phone: (String, String, String)
    var email: String
    var street: (number: String, name: String, suffix: String, unit: String, city: String, zip: String)
    /// Two and six digits.
    var booking: (String, String)

    var honorific: String { female ? "Ms." : "Mr." }

    static let pool: [(String, String, String, Bool)] = [
        ("Yesenia", "Marisol", "Ocampo", true), ("Thiago", "Henrique", "Bezerra", false),
        ("Graciela", "Ines", "Quintanilla", true), ("Dariusz", "Pawel", "Wojcik", false),
        ("Nkechi", "Adaeze", "Okonkwo", true), ("Rigoberto", "Alonso", "Cisneros", false),
        ("Lucineide", "Aparecida", "Fagundes", true), ("Edwin", "Mauricio", "Zelaya", false),
        ("Oksana", "Viktorivna", "Hrytsenko", true), ("Kwame", "Kofi", "Asante", false),
    ]
    static let streets = [
        ("Bowdoin", "St"), ("Harvard", "Ave"), ("Geneva", "Ave"), ("Westville", "St"), ("Ashmont", "St"),
        ("Quincy", "St"), ("Hancock", "St"), ("Spencer", "St"), ("Ruthven", "St"), ("Glenway", "St"),
    ]
    static let towns = [
        ("Dorchester", "02122"), ("Roxbury", "02119"), ("Chelsea", "02150"), ("East Boston", "02128"),
        ("Lynn", "01902"), ("Revere", "02151"), ("Mattapan", "02126"),
    ]

    /// Two people of the pool, never the same one, with random identifiers.
    static func draw(_ count: Int, _ rng: inout SeededGenerator) -> [PrivatePerson] {
        var order = Array(pool.indices)
        for i in order.indices.reversed() where i > 0 { order.swapAt(i, rng.below(i + 1)) }
        return order.prefix(count).map { i -> PrivatePerson in
            let (given, middle, surname, female) = pool[i]
            let (street, suffix) = rng.pick(streets)
            let (city, zip) = rng.pick(towns)
            // Private numbers: never an agency block of officials.yaml, never 555.
            let area = rng.pick(["617", "857", "781", "339", "978"])
            return PrivatePerson(
                given: given, middle: middle, surname: surname, female: female,
                dob: (1 + rng.below(12), 1 + rng.below(28), 1962 + rng.below(40)),
                aNumber: rng.digits(9, first: 2...2),
                ssn: (rng.digits(3, first: 1...6), rng.digits(2, first: 1...9), rng.digits(4, first: 1...9)),
                license: "S" + rng.digits(8),
                plate: String(1 + rng.below(9)) + rng.pick(["KX", "TZ", "HW", "VR", "MJ"]) + rng.digits(3),
                sid: "MA" + rng.digits(8, first: 1...9), pcf: rng.digits(7, first: 1...9),
                fbi: rng.digits(6, first: 1...9) + rng.pick(["KA", "PB", "RD", "XT"]) + String(rng.below(10)),
                phone: (area, rng.digits(3, first: 2...8), rng.digits(4)),
                email:
                    "\(given.lowercased()).\(surname.lowercased())\(rng.digits(2))@"
                    + rng.pick(["gmail.com", "yahoo.com", "hotmail.com", "comcast.net"]),
                street: (
                    String(2 + rng.below(240)), street, suffix, rng.pick(["Apt 3", "#2", "Unit 1R", "Fl 2"]), city, zip
                ),
                booking: (rng.digits(2, first: 1...2), rng.digits(6)))
        }
    }
}

/// The identifiers a base text prints, each with its label.
enum IdentifierKind: String, CaseIterable, Sendable {
    case dob, anum, ssn, dl, plate, sid, pcf, fbi, phone, email, addr, booking
}

/// How one class of variation prints names, labels and identifiers. The default prints them
/// as a careful clerk would; each class overrides what it varies.
protocol Variation: Sendable {
    /// The name where a text first introduces a person (prose or a `Name:` field).
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String
    /// The name in a record row or subject line, surname first.
    func lastFirst(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String
    /// A later mention of a person already named in the text.
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String
    /// The opening line of a letter or e-mail to the person.
    func salutation(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String
    func label(_ kind: IdentifierKind, _ rng: inout SeededGenerator) -> String
    func value(_ kind: IdentifierKind, _ p: PrivatePerson, _ rng: inout SeededGenerator) -> String
    /// Label and value together, as prose and forms print them, and the value as printed.
    func labelled(_ kind: IdentifierKind, _ p: PrivatePerson, _ rng: inout SeededGenerator) -> (
        text: String, value: String
    )
}

extension Variation {
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { "\(p.given) \(p.surname)" }
    func lastFirst(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        "\(p.surname.uppercased()), \(p.given)"
    }
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { "\(p.given) \(p.surname)" }
    func salutation(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { "Good morning," }
    func label(_ kind: IdentifierKind, _ rng: inout SeededGenerator) -> String { Plain.labels[kind] ?? "" }
    func value(_ kind: IdentifierKind, _ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        Plain.value(kind, p)
    }
    func labelled(_ kind: IdentifierKind, _ p: PrivatePerson, _ rng: inout SeededGenerator) -> (
        text: String, value: String
    ) {
        let l = label(kind, &rng)
        let v = value(kind, p, &rng)
        return (l.isEmpty ? v : "\(l) \(v)", v)
    }
}

/// No variation: the baseline every class is compared with.
struct Plain: Variation {
    static let labels: [IdentifierKind: String] = [
        .dob: "DOB:", .anum: "A#:", .ssn: "SSN:", .dl: "MA DL#", .plate: "MA Reg:", .sid: "SID:", .pcf: "PCF:",
        .fbi: "FBI#:", .phone: "Cell:", .email: "Email:", .addr: "Address:", .booking: "Booking #:",
    ]

    static func value(_ kind: IdentifierKind, _ p: PrivatePerson) -> String {
        switch kind {
        case .dob: return String(format: "%02d/%02d/%04d", p.dob.month, p.dob.day, p.dob.year)
        case .anum: return "A" + p.aNumber
        case .ssn: return "\(p.ssn.0)-\(p.ssn.1)-\(p.ssn.2)"
        case .dl: return p.license
        case .plate: return p.plate
        case .sid: return p.sid
        case .pcf: return p.pcf
        case .fbi: return p.fbi
        case .phone: return "(\(p.phone.0)) \(p.phone.1)-\(p.phone.2)"
        case .email: return p.email
        case .addr:
            return
                "\(p.street.number) \(p.street.name) \(p.street.suffix) \(p.street.unit), "
                + "\(p.street.city), MA \(p.street.zip)"
        case .booking: return "\(p.booking.0)-\(p.booking.1)"
        }
    }
}

/// A text a case redacts: one communication's header values and body, with slots.
///
/// Slots: `{name:a}`, `{lastfirst:a}`, `{mention:a}`, `{greet:a}` for person `a` (or `b`);
/// `{dob:a}` … (any `IdentifierKind`) for label and value; `{v.dob:a}` for the value alone;
/// `{l.dob}` for a column label. `⟪…⟫` marks what must stay (officials, agency lines).
struct BaseDocument: Sendable {
    var from: String? = nil
    var to: [String] = []
    var subject: String? = nil
    var body: String
}

/// A base text: one or more documents of one dump and the persons they name.
struct BaseText: Sendable {
    var id: String
    var persons: Int
    var documents: [BaseDocument]
}

/// One rendered case: the communications, the private persons and the strings that must stay.
struct PerturbationCase {
    var id: String
    var communications: [Communication]
    var persons: [PrivatePerson]
    /// The identifier values as printed in this case (after the variation).
    var printedIdentifiers: [(kind: IdentifierKind, text: String, person: PrivatePerson)]
    var keep: [String]
}

/// What is still readable after redaction.
struct CaseOutcome {
    var id: String
    var privateStrings: Int
    /// `what (where)`: `surname 'Ocampo' in "…"`.
    var leaks: [String]
    var keepLost: [String]
    var published: String
}

enum Perturbation {
    /// Renders a base text under a variation for one seed.
    static func render(_ base: BaseText, _ variation: some Variation, seed: UInt64, classID: String) -> PerturbationCase
    {
        var rng = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(truncatingIfNeeded: base.id.hashValueStable))
        let persons = PrivatePerson.draw(base.persons, &rng)
        var printed: [(IdentifierKind, String, PrivatePerson)] = []
        var keep: [String] = []
        var comms: [Communication] = []
        func fill(_ template: String) -> String {
            var out = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                let slot = rest[rest.index(after: open)..<close]
                rest = rest[rest.index(after: close)...]
                let parts = slot.split(separator: ":", maxSplits: 1).map(String.init)
                let person = parts.count > 1 ? persons[parts[1] == "a" ? 0 : 1] : persons[0]
                var kind = parts[0]
                var mode = "both"
                if kind.hasPrefix("v.") {
                    mode = "value"
                    kind.removeFirst(2)
                } else if kind.hasPrefix("l.") {
                    mode = "label"
                    kind.removeFirst(2)
                }
                switch kind {
                case "name": out += variation.name(person, &rng)
                case "lastfirst": out += variation.lastFirst(person, &rng)
                case "mention": out += variation.mention(person, &rng)
                case "greet": out += variation.salutation(person, &rng)
                default:
                    guard let k = IdentifierKind(rawValue: kind) else {
                        out += "{\(slot)}"
                        continue
                    }
                    switch mode {
                    case "label": out += variation.label(k, &rng)
                    case "value":
                        let v = variation.value(k, person, &rng)
                        printed.append((k, v, person))
                        out += v
                    default:
                        let lv = variation.labelled(k, person, &rng)
                        printed.append((k, lv.value, person))
                        out += lv.text
                    }
                }
            }
            out += rest
            // Keep marks: record and strip.
            let marked = MarkedText(out)
            keep += marked.keep.map(\.text)
            return marked.text
        }
        // Segmentation gives header values on one line.
        func fillHeader(_ template: String) -> String { fill(template).replacingOccurrences(of: "\n", with: " ") }
        for (i, d) in base.documents.enumerated() {
            let body = fill(d.body)
            comms.append(
                communication(
                    id: "\(base.id)-\(i)", from: d.from.map(fillHeader), to: d.to.map(fillHeader),
                    subject: d.subject.map(fillHeader), body: body, path: "perturb/\(base.id).pdf"))
        }
        return PerturbationCase(
            id: "\(classID)/\(base.id)/\(seed)", communications: comms, persons: persons,
            printedIdentifiers: printed.map { (kind: $0.0, text: $0.1, person: $0.2) }, keep: keep)
    }

    /// Redacts a case as one dump and searches the published text for every private string.
    static func run(_ c: PerturbationCase) -> CaseOutcome {
        let redactor = TestRules.redactor
        let registry = redactor.detect(c.communications)
        let results = c.communications.map { redactor.redact($0, registry: registry) }
        let published = results.map { publishedText($0.communication) }.joined(separator: "\n")
        var leaks: [String] = []
        let tokens = LeakSearch.letterTokens(published)
        var privateStrings = 0
        var sources: [String] = []
        for m in c.communications {
            sources += [m.body, m.header.subject ?? "", m.header.from ?? ""]
            sources += m.header.to
        }
        let printedTokens = LeakSearch.letterTokens(sources.joined(separator: "\n"))
        for p in c.persons {
            for (what, part) in [("given name", p.given), ("surname", p.surname), ("middle name", p.middle)] {
                // Only what the case printed is a private string of it.
                guard LeakSearch.find(part, in: printedTokens) != nil else { continue }
                privateStrings += 1
                if let hit = LeakSearch.find(part, in: tokens) {
                    leaks.append("\(what) '\(part)' as '\(hit)' in \"\(LeakSearch.context(of: hit, in: published))\"")
                }
            }
        }
        let alnum = LeakSearch.alphanumerics(published)
        var seen = Set<String>()
        for (kind, text, p) in c.printedIdentifiers {
            let key = LeakSearch.alphanumerics(text)
            guard seen.insert(key).inserted else { continue }
            privateStrings += 1
            if kind == .addr {
                // The house number and street name are the private part of an address.
                let street = LeakSearch.alphanumerics("\(p.street.number) \(p.street.name)")
                if alnum.contains(street) { leaks.append("address '\(p.street.number) \(p.street.name)'") }
                continue
            }
            if alnum.contains(key) {
                leaks.append("\(kind.rawValue) '\(text)'")
            } else if let part = LeakSearch.digitRunInside(key, published) {
                leaks.append("\(kind.rawValue) '\(text)' in part: '\(part)'")
            }
        }
        let flat = LeakSearch.collapsedWhitespace(published)
        let keepLost = Set(c.keep).sorted().filter { !flat.contains(LeakSearch.collapsedWhitespace($0)) }
        return CaseOutcome(
            id: c.id, privateStrings: privateStrings, leaks: leaks, keepLost: keepLost, published: published)
    }
}

extension String {
    /// A hash that is the same in every process (`hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}

/// The search for private strings in published text: case-insensitive, diacritics folded,
/// separators normalised.
enum LeakSearch {
    /// Letter runs, lower-cased and folded: `J uliana's` gives `j`, `uliana`, `s`.
    static func letterTokens(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// Letters and digits only, lower-cased: `A 204-551-872` gives `a204551872`.
    static func alphanumerics(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    static func collapsedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// How `word` is still readable among `tokens`: whole, split over up to three tokens
    /// (`J uliana`, `Ocam-\npo`), run together with another word (`EdwinZelaya`), within one
    /// edit (6+ letters), or as a fragment that lost at
    /// most two letters at one end (`uliana`, `borah`; 4+ letters left).
    static func find(_ word: String, in tokens: [String]) -> String? {
        let w = letterTokens(word).joined()
        guard w.count >= 3 else { return nil }
        for i in tokens.indices {
            var joined = ""
            for k in 0..<3 where i + k < tokens.count {
                joined += tokens[i + k]
                if joined == w { return tokens[i...(i + k)].joined(separator: " ") }
                if joined.count > w.count { break }
            }
            let t = tokens[i]
            // Run together with the next word by OCR: `EdwinZelaya`, `OCAMPO,YESENIA` read as one.
            if w.count >= 4, t.count > w.count, t.hasPrefix(w) || t.hasSuffix(w) { return t }
            if w.count >= 6, t.count >= 5, abs(t.count - w.count) <= 1, editDistanceAtMostOne(t, w) { return t }
            if t.count >= 4, t.count < w.count, w.count - t.count <= 2, w.hasPrefix(t) || w.hasSuffix(t),
                !(i > 0 && (tokens[i - 1] + t == w)), !(i + 1 < tokens.count && t + tokens[i + 1] == w)
            {
                return t
            }
        }
        return nil
    }

    static func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
        let a = Array(a)
        let b = Array(b)
        if a == b { return true }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count { return Array(a[(i + 1)...]) == Array(b[(i + 1)...]) }
        if a.count + 1 == b.count { return Array(a[i...]) == Array(b[(i + 1)...]) }
        if b.count + 1 == a.count { return Array(a[(i + 1)...]) == Array(b[i...]) }
        return false
    }

    /// A run of five or more of an identifier's digits still printed together (groups joined
    /// over one space, dash or dot): what is left when only part of `204 551 872` was redacted.
    static func digitRunInside(_ identifier: String, _ published: String) -> String? {
        let digits = identifier.filter(\.isNumber)
        guard digits.count >= 6 else { return nil }
        let pattern = "[0-9]+(?:[ .-][0-9]+)*"
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = published as NSString
        for m in re.matches(in: published, range: NSRange(location: 0, length: ns.length)) {
            let run = ns.substring(with: m.range)
            let d = run.filter(\.isNumber)
            if d.count >= 5, digits.contains(d) { return run }
        }
        return nil
    }

    /// The published text around a hit, for the report (line ends shown as `⏎`).
    static func context(of hit: String, in published: String) -> String {
        let pattern = hit.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
            .joined(separator: "[^\\p{L}]{1,3}")
        let folded = published.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded.count == published.count,
            let r = folded.range(of: pattern, options: [.regularExpression, .caseInsensitive])
        else { return "" }
        let lower = max(0, folded.distance(from: folded.startIndex, to: r.lowerBound) - 30)
        let upper = min(published.count, folded.distance(from: folded.startIndex, to: r.upperBound) + 30)
        let start = published.index(published.startIndex, offsetBy: lower)
        let end = published.index(published.startIndex, offsetBy: upper)
        return published[start..<end].replacingOccurrences(of: "\n", with: "⏎")
    }
}

/// Runs every case of a class, checks it, and records known issues for the listed cases.
///
/// A case in `known` must leak or lose a must-stay string (its issues are wrapped in
/// `withKnownIssue`, so a fix makes the test report the known issue as no longer seen); every
/// other case must be clean.
func checkClass(
    _ classID: String, _ variation: some Variation, bases: [BaseText] = PerturbationBases.all,
    seeds: ClosedRange<UInt64> = 1...4,
    known: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
) {
    var outcomes: [CaseOutcome] = []
    for base in bases {
        for seed in seeds {
            outcomes.append(Perturbation.run(Perturbation.render(base, variation, seed: seed, classID: classID)))
        }
    }
    for o in outcomes {
        let problems = o.leaks.map { "leak: \($0)" } + o.keepLost.map { "must-stay string lost: '\($0)'" }
        if let why = known[o.id] {
            withKnownIssue("\(o.id): \(why)") {
                for p in problems { Issue.record("\(o.id): \(p)", sourceLocation: sourceLocation) }
            }
        } else {
            for p in problems { Issue.record("\(o.id): \(p)", sourceLocation: sourceLocation) }
        }
    }
    for id in known.keys where !outcomes.contains(where: { $0.id == id }) {
        Issue.record("known issue for a case that does not exist: \(id)", sourceLocation: sourceLocation)
    }
    PerturbationReport.print(classID, outcomes)
}

/// `FOIAPIPE_PERTURBATION_REPORT=1` prints each class's tally and its leaking cases (for the
/// known-issue lists); `=2` also prints every published text.
enum PerturbationReport {
    static let level = Int(ProcessInfo.processInfo.environment["FOIAPIPE_PERTURBATION_REPORT"] ?? "") ?? 0

    static func print(_ classID: String, _ outcomes: [CaseOutcome]) {
        guard level > 0 else { return }
        var lines = [
            "PERTURBATION \(classID): cases \(outcomes.count), "
                + "private strings \(outcomes.map(\.privateStrings).reduce(0, +)), "
                + "leaked \(outcomes.map(\.leaks.count).reduce(0, +)), "
                + "must-stay lost \(outcomes.map(\.keepLost.count).reduce(0, +))"
        ]
        for o in outcomes where !o.leaks.isEmpty || !o.keepLost.isEmpty || level > 1 {
            lines.append("  CASE \(o.id)")
            for l in o.leaks { lines.append("    leak: \(l)") }
            for k in o.keepLost { lines.append("    lost: \(k)") }
            if level > 1 {
                lines.append(o.published.split(separator: "\n").map { "      | \($0)" }.joined(separator: "\n"))
            }
        }
        // The entries of `KnownLeaks` for this class, ready to paste.
        for o in outcomes where !o.leaks.isEmpty || !o.keepLost.isEmpty {
            var what =
                o.leaks.map { $0.components(separatedBy: " in \"").first ?? $0 } + o.keepLost.map { "lost '\($0)'" }
            if what.count > 3 { what = what.prefix(3) + ["…"] }
            let text = what.joined(separator: "; ").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("KNOWN \"\(o.id)\": \"\(text)\",")
        }
        Swift.print(lines.joined(separator: "\n"))
    }
}
