import FoiaCore
import Classification
import Testing

/// The status of each offense comes from the wording around it.
@Suite struct StatusReaderTests {
    func status(_ text: String, _ category: String) throws -> String? {
        let result = try #require(classify(text))
        return result.offenses.first { $0.category == category }?.status
    }

    @Test(arguments: [
        ("Ramirez was arrested last night by District B-2 officers for trespass.", "arrested"),
        ("He was booked on trespass at C-11.", "arrested"),
        ("He is in custody on trespass at Nashua Street.", "arrested"),
        ("He was picked up for trespass over the weekend.", "arrested"),
        ("He is in custody at Nashua Street for trespass.", "arrested"),
        ("1. ORTIZ, JUAN (3/4/1990, Honduras) – trespass – arrested 3/4 (B-2)", "arrested"),
        ("He is charged with trespass; next court date is 5/14.", "charged"),
        ("He was arraigned this morning in BMC on trespass.", "charged"),
        ("Charges pending against Mr. Lopez: trespass.", "charged"),
        ("He has an open case in Roxbury District Court for trespass.", "charged"),
        ("He is awaiting trial on trespass.", "charged"),
        ("He was indicted for trespass.", "charged"),
        ("His trespass was CWOF'd in 2014.", "charged"),
        ("He was convicted of trespass in 2012.", "convicted"),
        ("He was found guilty of trespass in 2012.", "convicted"),
        ("He pled guilty to trespass in 2012 and served 3 months.", "convicted"),
        ("He was sentenced to 6 months for trespass.", "convicted"),
        ("The trespass charge against Mr. Lopez was dismissed in 2013.", "dismissed"),
        ("His trespass case was nolle prossed in 2013.", "dismissed"),
        ("The Commonwealth filed a nolle pros on the trespass.", "dismissed"),
        ("He was found not guilty of trespass.", "dismissed"),
        ("He was acquitted of trespass in 2011.", "dismissed"),
        ("He is suspected of trespass at the rail yard.", "suspected"),
        ("He is currently under investigation for trespass.", "suspected"),
        ("He allegedly committed trespass at the yard.", "suspected"),
        ("He is a person of interest in a trespass at the yard.", "suspected"),
        ("There is an outstanding warrant for his arrest for trespass.", "charged"),
        ("The DA declined to prosecute the trespass.", "dismissed"),
        ("He is a POI in a trespass at the yard.", "suspected"),
        ("He is known for trespass at the yard.", "unknown"),
    ])
    func statusFromWording(sentence: String, expected: String) throws {
        #expect(try status(sentence, "trespass") == expected)
    }

    @Test func eachOffenseTakesItsOwnCue() throws {
        let sentence = "Lopez, who was convicted of A&B in 2010, was arrested last night for OUI."
        #expect(try status(sentence, "assault_battery") == "convicted")
        #expect(try status(sentence, "oui") == "arrested")
    }

    @Test func cueRightAfterTheOffenseWins() throws {
        let sentence = "Charges: OUI (dismissed), trespass (guilty)."
        #expect(try status(sentence, "oui") == "dismissed")
        #expect(try status(sentence, "trespass") == "convicted")
    }

    /// A court-record printout puts the disposition on the line after the charge.
    @Test func courtRecordDispositionOnNextLine() throws {
        let record = """
            ARR/ARGN COURT DKT# OFFENSE
            DISPOSITION
            02/28/2014 SUFFOLK SUPERIOR 149CR007387 DISORDERLY CONDUCT c272 §53
            NOLLE PROSEQUI 08/17/2014
            10/10/2013 ROXBURY DIST 139CR002480 STALKING c265 §43(a)
            GUILTY FILED 04/15/2013
            """
        #expect(try status(record, "disorderly_conduct") == "dismissed")
        #expect(try status(record, "stalking") == "convicted")
    }

    @Test func nearestCueInTheMessageWhenTheSentenceHasNone() throws {
        let body = "He was arrested last night.\nThe charge is trespass."
        #expect(try status(body, "trespass") == "arrested")
    }

    @Test func deniedCueIsNoCue() throws {
        #expect(try status("He is suspected of trespass and has not been charged.", "trespass") == "suspected")
    }

    @Test func resistingArrestIsNotAnArrestCue() throws {
        #expect(try status("He was charged with resisting arrest.", "resisting_arrest") == "charged")
    }

    @Test func removabilityHasNoCriminalStatus() throws {
        #expect(
            try status("He was arrested in 2012 and has a final order of removal.", "immigration_civil") == "unknown")
    }

    @Test func mostAdvancedStatusWinsAcrossMentions() throws {
        let body = "He was arrested for trespass in 2011.\nHe was later convicted of trespass."
        #expect(try status(body, "trespass") == "convicted")
    }
}
