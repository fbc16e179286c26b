import FoiaCore
import Classification
import Testing

/// `severity` is the most serious level among the communication's offenses.
@Suite struct SeverityTests {
    @Test(arguments: [
        ("He was convicted of trespass and larceny over $1,200.", "felony"),
        ("He was arrested for trespass. ERO records show a final order of removal.", "misdemeanor"),
        ("ERO records show he has a final order of removal.", "civil"),
        ("He was arrested for larceny; he also has a final order of removal.", "civil"),
        ("She was arrested for larceny at the mall.", "unknown"),
        ("Thanks, see you Tuesday.", "none"),
        ("He was not charged with OUI.", "none"),
    ])
    func severity(sentence: String, expected: String) throws {
        #expect(try #require(classify(sentence)).severity == expected)
    }
}
