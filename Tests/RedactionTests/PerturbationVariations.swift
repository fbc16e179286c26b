import FoiaTestSupport

/// The classes of variation of issue 15 item 6b, each printing names, labels or identifiers
/// the way real releases do and the base texts do not.
enum Variations {
    static func upper(_ s: String) -> String { s.uppercased() }

    /// Splits a word at a letter (`J uliana`, `Ocam po`), most often after its first letter.
    static func split(_ word: String, _ rng: inout SeededGenerator, with separator: String = " ") -> String {
        let at = rng.chance(60) ? 1 : 1 + rng.below(max(word.count - 2, 1))
        let i = word.index(word.startIndex, offsetBy: at)
        return String(word[..<i]) + separator + String(word[i...])
    }

    /// A label without its trailing colon (`DOB:` → `DOB`).
    static func bare(_ label: String) -> String { label.hasSuffix(":") ? String(label.dropLast()) : label }
}

/// OCR letter splits and merges inside names and labels: `J uliana`, `OcampoYesenia`, `DateofBirth`.
struct OCRSplitsAndMerges: Variation {
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        switch rng.below(4) {
        case 0: return "\(Variations.split(p.given, &rng)) \(p.surname)"
        case 1: return "\(p.given) \(Variations.split(p.surname, &rng))"
        case 2: return "\(p.given)\(p.surname)"
        default: return "\(Variations.split(p.given, &rng)) \(Variations.split(p.surname, &rng))"
        }
    }
    func lastFirst(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        switch rng.below(3) {
        case 0: return "\(p.surname.uppercased()), \(Variations.split(p.given, &rng))"
        case 1: return "\(Variations.split(p.surname.uppercased(), &rng)), \(p.given)"
        default: return "\(p.surname.uppercased()),\(p.given)"
        }
    }
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { name(p, &rng) }
    func label(_ kind: IdentifierKind, _ rng: inout SeededGenerator) -> String {
        let forms: [IdentifierKind: [String]] = [
            .dob: ["DateofBirth:", "D OB:", "Dateof Birth:", "DOB :"], .anum: ["A #:", "AlienNo.", "A#:"],
            .ssn: ["S SN:", "SocialSecurity No.", "SSN :"], .dl: ["MADL#", "MA D L#", "DriversLicense:"],
            .plate: ["MAReg:", "MA Re g:", "MA Reg :"], .sid: ["S ID:", "SID :", "StateID:"], .pcf: ["P CF:", "PCF :"],
            .fbi: ["F BI#:", "FBI #:", "FBINo."], .phone: ["Ce ll:", "CellPhone:"],
            .email: ["E mail:", "Emailaddress:"],
            .addr: ["Addre ss:", "HomeAddress:"], .booking: ["Booking#:", "Book ing #:", "BookingNo."],
        ]
        return rng.pick(forms[kind] ?? [Plain.labels[kind] ?? ""])
    }
}

/// Punctuation noise around labels, as scans of underlined form fields print them.
struct LabelPunctuationNoise: Variation {
    func label(_ kind: IdentifierKind, _ rng: inout SeededGenerator) -> String {
        let l = Variations.bare(Plain.labels[kind] ?? "")
        return rng.pick([
            "_ \(l): .", "~ \(l) _", "\(l)::", "| \(l) |", "\(l) ;", "\(l) -", ". \(l) ,", "\(l) :", "'\(l)'", "\(l).:",
        ])
    }
}

/// Reversed and capitalised names: `ROUSH DEBORAH`, `ROUSH, DEBORAH`, `Roush, Deborah`, `ROUSH. DEBORAH`.
struct ReversedAndCapitalisedNames: Variation {
    func form(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        let (g, s) = (p.given, p.surname)
        return rng.pick([
            "\(s.uppercased()) \(g.uppercased())", "\(s.uppercased()), \(g.uppercased())", "\(s), \(g)",
            "\(s.uppercased()). \(g.uppercased())", "\(s) \(g)", "\(g.uppercased()) \(s.uppercased())",
            "\(s.uppercased()),\(g.uppercased())",
        ])
    }
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { form(p, &rng) }
    func lastFirst(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { form(p, &rng) }
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { form(p, &rng) }
}

/// Middle names and initials: `Yesenia M. Ocampo`, `OCAMPO, YESENIA MARISOL`, `Y. Ocampo`.
struct MiddleNamesAndInitials: Variation {
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        let m = p.middle
        return rng.pick([
            "\(p.given) \(m.prefix(1)). \(p.surname)", "\(p.given) \(m) \(p.surname)",
            "\(p.given) \(m.prefix(1)) \(p.surname)",
            "\(p.given.uppercased()) \(m.uppercased()) \(p.surname.uppercased())",
        ])
    }
    func lastFirst(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        let m = p.middle
        return rng.pick([
            "\(p.surname.uppercased()), \(p.given) \(m.prefix(1)).",
            "\(p.surname.uppercased()), \(p.given.uppercased()) \(m.uppercased())",
            "\(p.surname), \(p.given) \(m)", "\(p.surname.uppercased()), \(p.given.uppercased()) \(m.prefix(1))",
        ])
    }
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        rng.pick([
            "\(p.given.prefix(1)). \(p.surname)", "\(p.given) \(p.middle.prefix(1)). \(p.surname)",
            "\(p.given.prefix(1)).\(p.middle.prefix(1)). \(p.surname)",
        ])
    }
}

/// Possessives: `Ocampo's`, `Ms. Ocampo's`, `OCAMPO'S`, a curly `Ocampo’s`, `Yesenia's`.
struct Possessives: Variation {
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        rng.chance(40) ? "\(p.given) \(p.surname)'s" : "\(p.given) \(p.surname)"
    }
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        rng.pick([
            "\(p.surname)'s", "\(p.honorific) \(p.surname)'s", "\(p.given) \(p.surname)'s",
            "\(p.surname.uppercased())'S",
            "\(p.surname)’s", "\(p.given)'s",
            p.surname.hasSuffix("s") ? "\(p.surname)'" : "\(p.surname.uppercased())’S",
        ])
    }
}

/// A name broken over a line, or hyphenated at a line end: `Yesenia` / `Ocampo`, `Oca-` / `mpo`.
struct NamesOverLineBreaks: Variation {
    func form(_ g: String, _ s: String, _ rng: inout SeededGenerator) -> String {
        switch rng.below(4) {
        case 0: return "\(g)\n\(s)"
        case 1: return "\(Variations.split(g, &rng, with: "-\n")) \(s)"
        case 2: return "\(g) \(Variations.split(s, &rng, with: "-\n"))"
        default: return "\(g)\n\(Variations.split(s, &rng, with: "-\n"))"
        }
    }
    func name(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { form(p.given, p.surname, &rng) }
    func lastFirst(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        rng.chance(50)
            ? "\(p.surname.uppercased()),\n\(p.given)"
            : "\(Variations.split(p.surname.uppercased(), &rng, with: "-\n")), \(p.given)"
    }
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String { form(p.given, p.surname, &rng) }
}

/// Identifiers printed bare: no label in prose, no column header over a list.
struct BareIdentifiers: Variation {
    func label(_ kind: IdentifierKind, _ rng: inout SeededGenerator) -> String { "" }
}

/// Identifiers grouped differently: `A 204-551-872`, `204551872`, `S123 45678`, `3/4/87`.
struct RegroupedIdentifiers: Variation {
    func value(_ kind: IdentifierKind, _ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        let a = p.aNumber
        let (a1, a2, a3) = (a.prefix(3), a.dropFirst(3).prefix(3), a.suffix(3))
        let d = p.dob
        let yy = String(format: "%02d", d.year % 100)
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        let (ph1, ph2, ph3) = p.phone
        let dl = p.license.dropFirst()
        switch kind {
        case .anum:
            return rng.pick([
                "A \(a1)-\(a2)-\(a3)", "\(a)", "A-\(a1) \(a2) \(a3)", "\(a1)-\(a2)-\(a3)", "A\(a1) \(a2) \(a3)",
                "\(a1) \(a2) \(a3)",
            ])
        case .dl:
            return rng.pick([
                "S\(dl.prefix(3)) \(dl.suffix(5))", "S \(dl)", "S\(dl.prefix(4))-\(dl.suffix(4))", "s\(dl)",
            ])
        case .ssn:
            return rng.pick([
                "\(p.ssn.0) \(p.ssn.1) \(p.ssn.2)", "\(p.ssn.0)\(p.ssn.1)\(p.ssn.2)",
                "\(p.ssn.0).\(p.ssn.1).\(p.ssn.2)",
            ])
        case .plate:
            return rng.pick([
                "\(p.plate.prefix(3)) \(p.plate.suffix(3))", "\(p.plate.prefix(3))-\(p.plate.suffix(3))",
                "\(p.plate.prefix(1)) \(p.plate.dropFirst())",
            ])
        case .sid: return rng.pick(["MA \(p.sid.dropFirst(2))", "MA-\(p.sid.dropFirst(2))", "\(p.sid.dropFirst(2))"])
        case .pcf:
            return rng.pick([
                "\(p.pcf.prefix(3)) \(p.pcf.suffix(4))", "\(p.pcf.prefix(1)) \(p.pcf.dropFirst())",
                "\(p.pcf.prefix(4))-\(p.pcf.suffix(3))",
            ])
        case .fbi: return rng.pick(["\(p.fbi.prefix(6)) \(p.fbi.suffix(3))", "\(p.fbi.prefix(6))-\(p.fbi.suffix(3))"])
        case .phone:
            return rng.pick([
                "\(ph1).\(ph2).\(ph3)", "\(ph1)\(ph2)\(ph3)", "\(ph1)-\(ph2)-\(ph3)", "(\(ph1))\(ph2)-\(ph3)",
                "\(ph1) \(ph2) \(ph3)",
            ])
        case .dob:
            return rng.pick([
                "\(d.month)/\(d.day)/\(yy)", String(format: "%02d-%02d-%04d", d.month, d.day, d.year),
                "\(d.month).\(d.day).\(d.year)",
                String(format: "%04d-%02d-%02d", d.year, d.month, d.day),
                String(format: "%02d", d.day) + months[d.month - 1] + String(d.year),
            ])
        case .booking:
            return rng.pick([
                "\(p.booking.0)\(p.booking.1)", "\(p.booking.0) \(p.booking.1)", "BK\(p.booking.0)-\(p.booking.1)",
            ])
        case .email: return rng.pick([p.email.uppercased(), p.email.replacingOccurrences(of: "@", with: " @ ")])
        case .addr: return Plain.value(kind, p)
        }
    }
}

/// Line wraps inside addresses: after the street, inside it, or before the town.
struct AddressLineWraps: Variation {
    func value(_ kind: IdentifierKind, _ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        guard kind == .addr else { return Plain.value(kind, p) }
        let s = p.street
        return rng.pick([
            "\(s.number) \(s.name) \(s.suffix)\n\(s.unit)\n\(s.city), MA \(s.zip)",
            "\(s.number) \(s.name)\n\(s.suffix) \(s.unit), \(s.city), MA \(s.zip)",
            "\(s.number) \(s.name) \(s.suffix) \(s.unit),\n\(s.city), MA \(s.zip)",
            "\(s.number)\n\(s.name) \(s.suffix), \(s.unit) \(s.city) MA \(s.zip)",
            "\(s.number) \(s.name.uppercased()) \(s.suffix.uppercased()) \(s.unit.uppercased())\n"
                + "\(s.city.uppercased()) MA \(s.zip)",
        ])
    }
}

/// Other label words: `D.O.B.`, `Birthdate`, `Alien No.`, `Lic#`, `Reg.`.
struct OtherLabelWords: Variation {
    static let words: [IdentifierKind: [String]] = [
        .dob: ["D.O.B.", "Birthdate:", "Date of birth", "DOB/Age:", "born", "B/D:", "Fecha de nacimiento:"],
        .anum: ["Alien No.", "A-File:", "Alien #", "A No.", "Alien Registration Number:", "A-Number"],
        .ssn: ["Soc. Sec. No.", "SSN#", "S.S.N.", "Social:", "SS No."],
        .dl: ["Lic#", "OLN:", "Driver's License No.", "MA Lic", "DL#", "Operator License:"],
        .plate: ["Reg.", "Registration:", "MA PC", "Plate#", "Tag:", "Veh. Reg."],
        .sid: ["SID#", "State ID:", "S.I.D.", "MA SID"], .pcf: ["PCF No.", "PCF#", "Fingerprint No."],
        .fbi: ["FBI No.", "UCN:", "FBI Number:", "F.B.I. #"],
        .phone: ["Tel.", "Home Ph:", "c:", "Mobile:", "Contact #"],
        .email: ["E-mail:", "Personal email:", "e-mail address"],
        .addr: ["Residence:", "Home Address:", "Res.", "lives at", "Last known address:"],
        .booking: ["Bkg No.", "Book#", "Inmate #", "Booking Number:", "Custody No."],
    ]
    func label(_ kind: IdentifierKind, _ rng: inout SeededGenerator) -> String {
        rng.pick(OtherLabelWords.words[kind] ?? [Plain.labels[kind] ?? ""])
    }
}

/// Salutations of letters and e-mails to a private person: `Dear Ms. Ocampo:`, `Dear Yesenia,`.
struct Salutations: Variation {
    func salutation(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        let h = p.honorific
        return rng.pick([
            "Dear \(h) \(p.surname):", "Dear \(p.given) \(p.surname),", "Dear \(p.given),", "Hi \(p.given) -",
            "\(h) \(p.surname),",
            "Good afternoon \(h) \(p.surname),", "Dear \(p.female ? "Mrs." : "Mr.") \(p.surname),",
            "DEAR \(h.uppercased()) \(p.surname.uppercased()):",
        ])
    }
}

/// A surname alone after a title or a role: `Ms. Ocampo`, `Inmate OCAMPO`, `defendant Ocampo`.
struct SurnameAfterTitle: Variation {
    func mention(_ p: PrivatePerson, _ rng: inout SeededGenerator) -> String {
        let s = p.surname
        return rng.pick([
            "\(p.honorific) \(s)", p.female ? "Mrs. \(s)" : "MR. \(s.uppercased())", p.female ? "Miss \(s)" : "Mr \(s)",
            "Subject \(s)", "defendant \(s)", "Inmate \(s.uppercased())", "detainee \(s)", s,
            "\(p.honorific) \(s.uppercased())",
        ])
    }
}
