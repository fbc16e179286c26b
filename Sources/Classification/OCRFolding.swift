/// Undoes the commonest OCR confusions inside words, keeping every offset where it was.
///
/// Tesseract reads `O` as `0`, `l` or `I` as `1` and `s` as `5` often enough that "0UI" and
/// "assau1t" appear in scanned releases. Inside a run of letters and digits that is mostly
/// letters, those digits are turned back into letters (capitals in a word in capitals), so
/// rules can be written for the printed words. Runs that are mostly digits (`I-247A`'s `247A`, `c.265`, an A-number),
/// ordinals (`1st`, `3rd`) and single letters are left alone. Accented Latin letters, which
/// OCR invents on plain English words ("membér"), lose their accent. Each replacement is one
/// UTF-16 unit for another, so ranges found in the folded text are valid in the original.
enum OCRFolding {
    static func fold(_ units: inout [UInt16]) {
        for k in units.indices where units[k] >= 0xC0 && units[k] <= 0xFF {
            if let plain = unaccented[units[k]] { units[k] = plain }
        }
        var i = 0
        while i < units.count {
            guard isAlnum(units[i]) else {
                i += 1
                continue
            }
            var j = i
            var letters = 0
            var digits = 0
            while j < units.count, isAlnum(units[j]) || isPipeInWord(units, j) {
                if isDigit(units[j]) { digits += 1 } else { letters += 1 }
                j += 1
            }
            if letters >= 2, letters > digits, !isOrdinal(units[i..<j]) {
                // In a word printed in capitals the digit stands for a capital: 0UI is OUI.
                let capitals = units[i..<j].allSatisfy { !isLower($0) }
                for k in i..<j {
                    switch units[k] {
                    case 0x30: units[k] = capitals ? 0x4F : 0x6F  // 0 → O, o
                    case 0x31, 0x7C: units[k] = capitals ? 0x49 : 0x6C  // 1, | → I, l
                    case 0x35: units[k] = capitals ? 0x53 : 0x73  // 5 → S, s
                    default: break
                    }
                }
            }
            i = j
        }
    }

    /// Latin-1 letters with a diacritic, to the letter without it.
    private static let unaccented: [UInt16: UInt16] = {
        var map: [UInt16: UInt16] = [:]
        let groups: [(String, Character)] = [
            ("ÀÁÂÃÄÅ", "A"), ("Ç", "C"), ("ÈÉÊË", "E"), ("ÌÍÎÏ", "I"), ("Ñ", "N"), ("ÒÓÔÕÖ", "O"), ("ÙÚÛÜ", "U"),
            ("Ý", "Y"), ("àáâãäå", "a"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõö", "o"),
            ("ùúûü", "u"), ("ýÿ", "y"),
        ]
        for (accented, base) in groups {
            for u in accented.utf16 { map[u] = base.utf16.first }
        }
        return map
    }()

    private static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    private static func isLower(_ u: UInt16) -> Bool { u >= 0x61 && u <= 0x7A }
    private static func isLetter(_ u: UInt16) -> Bool { (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) }
    private static func isAlnum(_ u: UInt16) -> Bool { isDigit(u) || isLetter(u) }

    /// A `|` between two letters is an `l` or `I` the OCR engine drew as a bar.
    private static func isPipeInWord(_ units: [UInt16], _ k: Int) -> Bool {
        units[k] == 0x7C && k > 0 && k + 1 < units.count && isLetter(units[k - 1]) && isLetter(units[k + 1])
    }

    /// `1st`, `22nd`, `3rd`, `10th`: digits then an English ordinal suffix.
    private static func isOrdinal(_ run: ArraySlice<UInt16>) -> Bool {
        let digits = run.prefix(while: isDigit)
        guard !digits.isEmpty else { return false }
        let rest = String(decoding: run.dropFirst(digits.count), as: UTF16.self).lowercased()
        return ["st", "nd", "rd", "th"].contains(rest)
    }
}
