import Redaction
import Testing

@Suite struct PseudonymTests {
    /// RFC 4231 test case 2: GLib's HMAC-SHA256 is the standard one.
    @Test func hmacIsTheStandardOne() {
        let hex = Pseudonymizer.hmacSHA256Hex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func oneTagPerPersonWhateverTheForm() throws {
        let p = Pseudonymizer(key: Array("k".utf8))
        let forms = ["Jose Alvarez", "ALVAREZ, Jose", "Alvarez, José Luis", "JOSÉ ALVAREZ"]
        let tags = Set(try forms.map { try #require(p.tag(forPrintedName: $0)) })
        #expect(tags.count == 1, "\(tags)")
        let tag = try #require(tags.first)
        #expect(tag.range(of: #"^\[PERSON-[0-9A-F]{4}\]$"#, options: .regularExpression) != nil, "\(tag)")
    }

    @Test func differentPeopleAndKeysGiveDifferentTags() throws {
        let p = Pseudonymizer(key: Array("k".utf8))
        let names = ["Jose Alvarez", "Maria Alvarez", "Jose Alvarado", "Kemar Bailey-Grant", "Faduma Ugas", "Linh Truong"]
        let tags = try names.map { try #require(p.tag(forPrintedName: $0)) }
        #expect(Set(tags).count == names.count, "\(tags)")
        let other = Pseudonymizer(key: Array("another key".utf8))
        #expect(other.tag(forPrintedName: "Jose Alvarez") != p.tag(forPrintedName: "Jose Alvarez"))
    }

    @Test func tagsAreStableAcrossFilesAndRuns() {
        // Two redactors made separately (two runs) with the lead's stored key.
        let a = Redactor(rules: TestRules.rules, key: TestRules.key)
        let b = Redactor(rules: TestRules.rules, key: TestRules.key)
        let c1 = communication(id: "a", body: "Name: ALVAREZ, Jose\nDOB: 1/2/1980", path: "one.pdf")
        let c2 = communication(id: "b", body: "Defendant: Jose Alvarez, DOB 1/2/1980", path: "two.pdf")
        let r1 = a.redact(c1, registry: a.detect([c1]))
        let r2 = b.redact(c2, registry: b.detect([c2]))
        let t1 = r1.records.first { $0.type == .personName }?.placeholder
        let t2 = r2.records.first { $0.type == .personName }?.placeholder
        #expect(t1 != nil && t1 == t2)
        #expect(t1 == a.pseudonyms.tag(forPrintedName: "Jose Alvarez"))
    }
}
