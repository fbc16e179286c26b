import Evaluation
import Testing

/// The text search behind the leak metric, on strings, without any output folder.
@Suite struct LeakSearchTests {
    func hits(_ text: String, _ entries: [TruthPII]) -> [LeakHit] { LeakSearcher(entries).search(text).hits }

    func match(_ text: String, _ entry: TruthPII) -> LeakMatch? { hits(text, [entry]).first?.match }

    @Test func namesAreFoundIgnoringCasePunctuationAndLineBreaks() {
        let name = TruthPII(text: "Jose Alvarez", type: "person_name")
        #expect(match("met JOSE ALVAREZ today", name) == .exact)
        #expect(match("met Jose\n   Alvarez today", name) == .exact)
        #expect(match("ALVAREZ, Jose (DOB withheld)", name) == .exact)
        #expect(match("José Álvarez", name) == .exact)
        #expect(match("met Jose Martinez and Ana Alvarez", name) == nil)
    }

    @Test func namesWithOneOCRErrorAreLeaks() {
        let name = TruthPII(text: "Jose Alvarez", type: "person_name")
        let hit = hits("subject Jose Alvarcz was booked", [name]).first
        #expect(hit?.match == .ocrVariant)
        #expect(hit?.found == "Jose Alvarcz")
        #expect(match("Jose AIvarez", name) == .ocrVariant)  // capital I for l
        #expect(match("JoseAlvarez", name) == .ocrVariant)  // lost space
        #expect(match("Jose Alvarezz", name) == .ocrVariant)  // one letter too many
        #expect(match("Jase Alvarcz", name) == nil)  // two errors
    }

    @Test func officialsNearAPrivateNameDoNotHideALeak() {
        let searcher = LeakSearcher([TruthPII(text: "Sean Kelley", type: "person_name")], keep: ["Det. Sean Kelly"])
        let clean = searcher.search("Det. Sean Kelly wrote")
        #expect(clean.hits.isEmpty)
        #expect(clean.ignoredKeepVariants == 1)
        let leaky = searcher.search("Det. Sean Kelly met Sean Kellcy")
        #expect(leaky.hits.map(\.found) == ["Sean Kellcy"])
        #expect(leaky.hits.first?.match == .ocrVariant)
    }

    @Test func ordinaryLowerCaseWordsAreNotOCRVariantsOfNames() {
        let gomes = TruthPII(text: "Gomes", type: "person_name")
        let andrade = TruthPII(text: "Andrade", type: "person_name")
        let prose = LeakSearcher([gomes, andrade]).search("If an I-247D comes in; destruction of property and rape.")
        #expect(prose.hits.isEmpty, "\(prose.hits)")
        #expect(prose.ignoredOrdinaryWords == 2)
        // With its capital, or not a word, it is still the name damaged by OCR.
        #expect(match("Mr. Comes was booked", gomes) == .ocrVariant)
        #expect(match("met andrede today", andrade) == .ocrVariant)
    }

    @Test func aOneWordNameIsNotMatchedAcrossTheEndOfAClause() {
        let hirsi = TruthPII(text: "Hirsi", type: "person_name")
        let greeting = LeakSearcher([hirsi]).search("Hi,\nHSI has the case.")
        #expect(greeting.hits.isEmpty, "\(greeting.hits)")
        #expect(greeting.ignoredOrdinaryWords == 1)
        // A space inside the name is OCR's; still a leak.
        #expect(match("arrested Hir si today", hirsi) == .ocrVariant)
        #expect(match("arrested Hirsl, today", hirsi) == .ocrVariant)
    }

    /// A timestamp's time is no date: `2018-05-12T11:04:00-04:00` holds no 11/4/2000; its date does.
    @Test func sentTimestampsAreSearchedByTheirDateOnly() throws {
        let line = #"{"source":{"path":"a.pdf","page_start":1,"page_end":1},"header":{"sent":"2018-05-12T11:04:00-04:00"},"quoted":[{"sent":"1984-12-07T09:00:00-05:00"}]}"#
        let record = try #require(try OutputRecords.parse(line, file: "x", keepStrings: true).first)
        let text = record.strings.map(\.value).joined(separator: "\n")
        let dob2000 = TruthPII(text: "11/4/2000", type: "date_of_birth")
        let dob1984 = TruthPII(text: "12/7/1984", type: "date_of_birth")
        #expect(LeakSearcher([dob2000]).search(text).hits.isEmpty, "\(text)")
        #expect(!LeakSearcher([dob1984]).search(text).hits.isEmpty, "\(text)")
    }

    @Test func shortNamesAreNotMatchedFuzzily() {
        let name = TruthPII(text: "Li Wu", type: "person_name")
        #expect(match("Li Wu", name) == .exact)
        #expect(match("Li Wo", name) == nil)
    }

    @Test func numbersAreComparedDigitByDigit() {
        let ssn = TruthPII(text: "123-45-6789", type: "ssn")
        #expect(match("SSN 123-45-6789.", ssn) == .exact)
        #expect(match("SSN 123 45 6789", ssn) == .digits)
        #expect(match("SSN: 123456789", ssn) == .digits)
        #expect(match("SSN 123.45.6789", ssn) == .digits)
        // A longer number is another number, and digits in other columns or lines do not join.
        #expect(match("case 1234567890", ssn) == nil)
        #expect(match("page 123\n45 6789", ssn) == nil)
        #expect(match("123        45-6789", ssn) == nil)

        let phone = TruthPII(text: "(617) 555-0142", type: "phone")
        #expect(match("call 617.555.0142", phone) == .digits)
        #expect(match("call 6175550142", phone) == .digits)
    }

    @Test func lettersCountForPlatesAndIdentifiersWithLetters() {
        let plate = TruthPII(text: "1ABC 23", type: "license_plate")
        #expect(match("MA reg 1abc23 towed", plate) == .digits)
        #expect(match("MA reg 1XYZ23 towed", plate) == nil)
        let aNumber = TruthPII(text: "A123456789", type: "a_number")
        #expect(match("A# 123-456-789", aNumber) == .digits)
        #expect(match("A-123456789", aNumber) == .digits)
        // A number found inside a word is reported with the whole word.
        let passport = TruthPII(text: "C84922715", type: "passport")
        #expect(hits("passport no.C84922715X", [passport]).first?.found == "C84922715X")
        #expect(match("passport C84922715", passport) == .exact)
    }

    @Test func datesOfBirthAreFoundInOtherRenderings() {
        let dob = TruthPII(text: "03/04/1987", type: "date_of_birth")
        #expect(match("DOB 03/04/1987", dob) == .exact)
        #expect(match("DOB 3/4/87", dob) == .dateRendering)
        #expect(match("DOB 1987-03-04", dob) == .dateRendering)
        #expect(match("born March 4, 1987", dob) == .dateRendering)
        #expect(match("born 4 Mar 1987", dob) == .dateRendering)
        #expect(match("DOB 03041987", dob) == .digits)
        #expect(match("sent 3/5/87", dob) == nil)
        #expect(match("on 2017-03-04 at 19:87", dob) == nil)

        let spelled = TruthPII(text: "March 4, 1987", type: "date_of_birth")
        #expect(match("DOB 3/4/1987", spelled) == .dateRendering)
    }

    @Test func eachEntryIsReportedOncePerText() {
        let entries = [
            TruthPII(text: "Jose Alvarez", type: "person_name"), TruthPII(text: "123-45-6789", type: "ssn"),
        ]
        let found = hits("Jose Alvarez, SSN 123456789; again Jose Alvarez and Jose Alvarcz", entries)
        #expect(found.map(\.entry) == [0, 1])
        #expect(found.map(\.match) == [.exact, .digits])
    }
}
