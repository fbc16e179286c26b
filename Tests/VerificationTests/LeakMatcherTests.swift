import LeakSearch
import Testing
import Verification

/// The text search behind `verify` and the leak metric of `eval`, on strings, without any
/// output folder.
@Suite struct LeakMatcherTests {
    func hits(_ text: String, _ entries: [LeakTarget], document: String? = nil) -> [LeakHit] {
        LeakMatcher(entries).search(text, document: document).hits
    }

    func match(_ text: String, _ entry: LeakTarget, document: String? = nil) -> LeakForm? {
        hits(text, [entry], document: document).first?.form
    }

    @Test func namesAreFoundIgnoringCasePunctuationAndLineBreaks() {
        let name = LeakTarget(text: "Jose Alvarez", type: "person_name")
        #expect(match("met JOSE ALVAREZ today", name) == .exact)
        #expect(match("met Jose\n   Alvarez today", name) == .exact)
        // Turned round: found, and named so (it was reported as exact before the matchers merged).
        #expect(match("ALVAREZ, Jose (DOB withheld)", name) == .reversed)
        #expect(match("José Álvarez", name) == .exact)
        #expect(match("met Jose Martinez and Ana Alvarez", name) == nil)
    }

    @Test func namesWithOneOCRErrorAreLeaks() {
        let name = LeakTarget(text: "Jose Alvarez", type: "person_name")
        let hit = hits("subject Jose Alvarcz was booked", [name]).first
        #expect(hit?.form == .ocrVariant)
        #expect(hit?.found == "Jose Alvarcz")
        #expect(match("Jose AIvarez", name) == .ocrVariant)  // capital I for l
        #expect(match("JoseAlvarez", name) == .joined)  // lost space (was reported as an OCR variant)
        #expect(match("Jose Alvarezz", name) == .ocrVariant)  // one letter too many
        #expect(match("Jase Alvarcz", name) == nil)  // two errors
    }

    @Test func officialsNearAPrivateNameDoNotHideALeak() {
        let searcher = LeakMatcher([LeakTarget(text: "Sean Kelley", type: "person_name")], keep: ["Det. Sean Kelly"])
        let clean = searcher.search("Det. Sean Kelly wrote")
        #expect(clean.hits.isEmpty)
        #expect(clean.ignoredKeepVariants == 1)
        let leaky = searcher.search("Det. Sean Kelly met Sean Kellcy")
        #expect(leaky.hits.map(\.found) == ["Sean Kellcy"])
        #expect(leaky.hits.first?.form == .ocrVariant)
    }

    @Test func ordinaryLowerCaseWordsAreNotOCRVariantsOfNames() {
        let gomes = LeakTarget(text: "Gomes", type: "person_name")
        let andrade = LeakTarget(text: "Andrade", type: "person_name")
        let prose = LeakMatcher([gomes, andrade]).search("If an I-247D comes in; destruction of property and rape.")
        #expect(prose.hits.isEmpty, "\(prose.hits)")
        #expect(prose.ignoredOrdinaryWords == 2)
        // With its capital, or not a word, it is still the name damaged by OCR.
        #expect(match("Mr. Comes was booked", gomes) == .ocrVariant)
        #expect(match("met andrede today", andrade) == .ocrVariant)
    }

    @Test func aOneWordNameIsNotMatchedAcrossTheEndOfAClause() {
        let hirsi = LeakTarget(text: "Hirsi", type: "person_name")
        let greeting = LeakMatcher([hirsi]).search("Hi,\nHSI has the case.")
        #expect(greeting.hits.isEmpty, "\(greeting.hits)")
        #expect(greeting.ignoredOrdinaryWords == 1)
        // A space inside the name is OCR's; still a leak.
        #expect(match("arrested Hir si today", hirsi) == .ocrVariant)
        #expect(match("arrested Hirsl, today", hirsi) == .ocrVariant)
    }

    @Test func shortNamesAreNotMatchedFuzzily() {
        let name = LeakTarget(text: "Li Wu", type: "person_name")
        #expect(match("Li Wu", name) == .exact)
        #expect(match("Li Wo", name) == nil)
    }

    @Test func numbersAreComparedDigitByDigit() {
        let ssn = LeakTarget(text: "123-45-6789", type: "ssn")
        #expect(match("SSN 123-45-6789.", ssn) == .exact)
        #expect(match("SSN 123 45 6789", ssn) == .digits)
        #expect(match("SSN: 123456789", ssn) == .digits)
        #expect(match("SSN 123.45.6789", ssn) == .digits)
        // A longer number is another number, and digits in other columns or lines do not join.
        #expect(match("case 1234567890", ssn) == nil)
        #expect(match("page 123\n45 6789", ssn) == nil)
        #expect(match("123        45-6789", ssn) == nil)

        let phone = LeakTarget(text: "(617) 555-0142", type: "phone")
        #expect(match("call 617.555.0142", phone) == .digits)
        #expect(match("call 6175550142", phone) == .digits)
    }

    @Test func lettersCountForPlatesAndIdentifiersWithLetters() {
        let plate = LeakTarget(text: "1ABC 23", type: "license_plate")
        #expect(match("MA reg 1abc23 towed", plate) == .digits)
        #expect(match("MA reg 1XYZ23 towed", plate) == nil)
        let aNumber = LeakTarget(text: "A123456789", type: "a_number")
        #expect(match("A# 123-456-789", aNumber) == .digits)
        #expect(match("A-123456789", aNumber) == .digits)
        // A number found inside a word is reported with the whole word.
        let passport = LeakTarget(text: "C84922715", type: "passport")
        #expect(hits("passport no.C84922715X", [passport]).first?.found == "C84922715X")
        #expect(match("passport C84922715", passport) == .exact)
    }

    @Test func datesOfBirthAreFoundInOtherRenderings() {
        let dob = LeakTarget(text: "03/04/1987", type: "date_of_birth")
        #expect(match("DOB 03/04/1987", dob) == .exact)
        #expect(match("DOB 3/4/87", dob) == .dateRendering)
        #expect(match("DOB 1987-03-04", dob) == .dateRendering)
        #expect(match("born March 4, 1987", dob) == .dateRendering)
        #expect(match("born 4 Mar 1987", dob) == .dateRendering)
        #expect(match("DOB 03041987", dob) == .digits)
        #expect(match("sent 3/5/87", dob) == nil)
        #expect(match("on 2017-03-04 at 19:87", dob) == nil)

        let spelled = LeakTarget(text: "March 4, 1987", type: "date_of_birth")
        #expect(match("DOB 3/4/1987", spelled) == .dateRendering)
    }

    @Test func eachEntryIsReportedOncePerText() {
        let entries = [
            LeakTarget(text: "Jose Alvarez", type: "person_name"), LeakTarget(text: "123-45-6789", type: "ssn"),
        ]
        let found = hits("Jose Alvarez, SSN 123456789; again Jose Alvarez and Jose Alvarcz", entries)
        #expect(found.map(\.target) == [0, 1])
        #expect(found.map(\.form) == [.exact, .digits])
    }

    /// A surname alone counts only in the documents that name the person, and an ordinary word
    /// (`mire`) only in capitals or after a title; a kept official's name is not a leak.
    @Test func surnameAloneRules() {
        let mire = LeakTarget(text: "Patricia F. Mire", type: "person_name", documents: ["letter.pdf"])
        #expect(match("Dear Ms. Mire:", mire, document: "letter.pdf") == .surnameAlone)
        #expect(match("PAYEE: MIRE", mire, document: "letter.pdf") == .surnameAlone)
        #expect(match("Dear Ms. Mire:", mire, document: "other.pdf") == nil)
        #expect(match("Dear Ms. Mire:", mire) == nil)
        #expect(match("stuck in the mire", mire, document: "letter.pdf") == nil)
        #expect(match("Mire Creek Road", mire, document: "letter.pdf") == nil)
        #expect(match("Dear Patricia Mire:", mire) == .withoutMiddleName)
        #expect(match("MIRE, PATRICIA", mire) == .reversed)

        let martinez = LeakTarget(text: "Jose Martinez", type: "person_name", documents: ["a.pdf"])
        let matcher = LeakMatcher([martinez], keep: ["Sgt. Martinez"])
        let kept = matcher.search("Sgt. Martinez wrote the report.", document: "a.pdf")
        #expect(kept.hits.isEmpty)
        #expect(kept.ignoredKeepVariants == 1)
        #expect(
            LeakMatcher([martinez]).search("Sgt. Martinez wrote", document: "a.pdf").hits.map(\.form) == [.surnameAlone]
        )

        // A one-word audited name (a surname redacted alone) is the person only in its own
        // documents; a text of no document (a counts table) is searched for it everywhere.
        let lone = LeakTarget(text: "Stecklow", type: "person_name", documents: ["gmail.pdf"])
        #expect(match("Hi Mr. Stecklow,", lone, document: "gmail.pdf") == .exact)
        #expect(match("Hi Mr. Stecklow,", lone, document: "letter.pdf") == nil)
        #expect(match("Hi Mr. Stecklow,", lone) == .exact)
        // Identifiers are searched in every document whatever their length in words.
        let anumber = LeakTarget(text: "A205123456", type: "a_number", documents: ["gmail.pdf"])
        #expect(match("A-number A205123456", anumber, document: "letter.pdf") != nil)
    }

    @Test func partialFormsAreNamed() {
        let roush = LeakTarget(text: "ROUSH, DEBORAH", type: "person_name", documents: ["x.pdf"])
        #expect(match("2 borah Roush\nsecutive Director", roush) == .fragment)
        #expect(match("Regards, Deb Roush", roush) == .fragment)
        #expect(match("To: BOARD; Deborah Roush", roush) == .reversed)
        #expect(match("To: BOARD; ROUSH DEBORAH", roush) == .exact)
        // One edit in a word of six letters or more, in the person's document only.
        let alvarez = LeakTarget(text: "Jose Alvarez", type: "person_name", documents: ["x.pdf"])
        #expect(match("Mr. Alvarcz was moved", alvarez, document: "x.pdf") == .oneEdit)
        #expect(match("Mr. Alvarcz was moved", alvarez, document: "y.pdf") == nil)
        let konow = LeakTarget(text: "Karen Konow", type: "person_name")
        #expect(match("a call with Karen\nKonow.\nThx", konow) == .exact)
        #expect(match("call Karen Ko-\nnow", konow) == .joined)
    }

    @Test func hitsCarryTypeFormAndRange() throws {
        let text = "On Wed, ROUSH. DEBORAH <[EMAIL]> wrote:"
        let hit = try #require(hits(text, [LeakTarget(text: "Deborah Roush", type: "person_name")]).first)
        #expect(hit.type == "person_name")
        #expect(hit.form == .reversed)
        #expect(String(text[hit.range]) == "ROUSH. DEBORAH")
        #expect(hit.found == "ROUSH. DEBORAH")
    }
}
