import FoiaCore
import Classification
import Testing

/// Levels the text decides: amounts for larceny and malicious destruction, the offense
/// number for OUI and A&B on a family/household member.
@Suite struct LevelRuleTests {
    func level(_ sentence: String, _ category: String) throws -> String? {
        let result = try #require(classify(sentence))
        return result.offenses.first { $0.category == category }?.level
    }

    @Test(arguments: [
        ("She was arrested for larceny over $1,200 at the Prudential.", "felony"),
        ("He is charged with larceny of property valued at $2,400.", "felony"),
        ("He was arraigned on larceny ($2,500 worth of copper pipe).", "felony"),
        ("Charged with larceny > $1200.", "felony"),
        ("03/28/2014 BMC CENTRAL 149CR005440 LARCENY OVER $1200 c266 §30(1)", "felony"),
        ("She was arrested for larceny under $1,200.", "misdemeanor"),
        ("Charged with larceny $1,200 or under.", "misdemeanor"),
        ("He was convicted of larceny of $300 in 2015.", "misdemeanor"),
        ("A 2010 case for larceny (under $1,200 – approx. $900) was dismissed.", "misdemeanor"),
        ("She was arrested for larceny at the mall.", "unknown"),
        ("He was convicted of larceny over $250 in 2009.", "unknown"),
        ("He was held on $5,000 bail for larceny.", "unknown"),
        ("Bail was set at $2,500 on the larceny.", "unknown"),
        ("He was charged with larceny over $1200 and held on bail at arraignment.", "felony"),
        ("He was arraigned on felony larceny from a building.", "felony"),
        ("Arrested for larceny over 1200 at Macy's.", "felony"),
        ("Prior: petty larceny (2009).", "misdemeanor"),
        ("Larceny (misdemeanor) – arrested 4/2.", "misdemeanor"),
    ])
    func larcenyByAmount(sentence: String, expected: String) throws {
        #expect(try level(sentence, "larceny") == expected)
    }

    @Test(arguments: [
        ("He was charged with malicious destruction of property over $1,200.", "felony"),
        ("He was arrested for malicious destruction of property (approx. $5,200 damage).", "felony"),
        ("DESTRUCTION OF PROPERTY +$1200, MALICIOUS c266 §127", "felony"),
        ("He was arrested for MDP under $1200.", "misdemeanor"),
        ("Charged with malicious destruction of property ($650 damage).", "misdemeanor"),
        ("DESTRUCTION OF PROPERTY -$1200, MALICIOUS c266 §127", "misdemeanor"),
        ("He was arrested for malicious destruction of property.", "unknown"),
    ])
    func maliciousDestructionByAmount(sentence: String, expected: String) throws {
        #expect(try level(sentence, "malicious_destruction") == expected)
    }

    @Test(arguments: [
        ("He was arrested for OUI 3rd offense.", "felony"),
        ("Charged with OUI, third offense.", "felony"),
        ("He was booked on OUI-3 after the crash.", "felony"),
        ("He was placed under arrest for operating under the influence, 4th offense.", "felony"),
        ("02/11/2012 DORCHESTER DIST 121CR001234 OUI-LIQUOR OR .08% 3RD OFFENSE c90 §24(1)(a)(1)", "felony"),
        ("He was arrested for OUI 2nd offense.", "misdemeanor"),
        ("He was arrested for OUI on the 3rd of May.", "misdemeanor"),
        ("He was arrested for OUI.", "misdemeanor"),
    ])
    func ouiByOffenseNumber(sentence: String, expected: String) throws {
        #expect(try level(sentence, "oui") == expected)
    }

    @Test(arguments: [
        ("He is charged with A&B on a family/household member, 2nd offense.", "felony"),
        ("Open case for A&B on a household member (subsequent offense).", "felony"),
        ("A&B ON FAMILY/HOUSEHOLD MEMBER, SUBSQ.OFF. c265 §13M(b)", "felony"),
        ("He was convicted of domestic A&B 2nd offense in 2016.", "felony"),
        ("He was arrested for A&B on a household member.", "misdemeanor"),
    ])
    func domesticAssaultByOffenseNumber(sentence: String, expected: String) throws {
        #expect(try level(sentence, "domestic_assault_battery") == expected)
    }

    @Test func offenseNumberBelongsToTheNearestOffense() throws {
        let sentence = "He was arrested for A&B FHM; OUI 3rd offense."
        #expect(try level(sentence, "domestic_assault_battery") == "misdemeanor")
        #expect(try level(sentence, "oui") == "felony")
    }

    @Test func amountBelongsToTheNearestOffense() throws {
        let sentence = "He was arrested for malicious destruction of property and larceny over $1,200."
        #expect(try level(sentence, "malicious_destruction") == "unknown")
        #expect(try level(sentence, "larceny") == "felony")
    }

    @Test func decidedLevelWinsOverALaterMention() throws {
        let body = "She was arrested for larceny over $1,200.\nThe larceny case is pending in BMC."
        #expect(try level(body, "larceny") == "felony")
    }
}
