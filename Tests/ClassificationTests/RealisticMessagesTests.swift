import FoiaCore
import Classification
import Testing

/// Whole messages written the way officers and agents write, none of them from the sample
/// generator: the expected detainer, and each offense as `category/level/status`.
@Suite struct RealisticMessagesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var detainer: Bool
        var forms: [String] = []
        var offenses: [String] = []
        var testDescription: String { String(body.prefix(60)) }
    }

    static let cases: [Case] = [
        Case(
            body: """
                Good afternoon,
                Subject was arrested by D-4 for ABDW (shod foot) and A&B on a police officer. He will be
                arraigned tomorrow in BMC. ICE has lodged a detainer.
                Thx
                """,
            detainer: true,
            offenses: ["assault_battery/misdemeanor/arrested", "assault_battery_dangerous_weapon/felony/arrested"]),
        Case(
            body: """
                FYI - subject has an active I-247A on file with us. He's currently held at Nashua St on $2500
                cash bail for Poss Class B w/ intent.
                """,
            detainer: true, forms: ["I-247A"], offenses: ["drug_distribution/felony/charged"]),
        Case(
            body: """
                Per my conversation with Det. Ruiz, subject was picked up on a straight warrant out of Dorchester
                for larceny by check over $1200. No ICE interest at this time.
                """,
            detainer: false, offenses: ["larceny/felony/arrested"]),
        Case(
            body: "Subject has a lengthy record incl. convictions for B&E, larceny and Class A possession.",
            detainer: false,
            offenses: [
                "drug_possession/misdemeanor/convicted", "larceny/unknown/convicted",
                "breaking_entering/felony/convicted",
            ]),
        Case(
            body: """
                Please see the attached I-247A and I-200 for CASTRO, Miguel. He is currently serving a sentence at
                SBCC for armed robbery and is scheduled for release on 6/1.
                """,
            detainer: true, forms: ["I-247A", "I-200"], offenses: ["armed_robbery/felony/convicted"]),
        Case(
            body: "He has priors for A&B, ABDW and resisting.",
            detainer: false,
            offenses: [
                "assault_battery/misdemeanor/convicted", "assault_battery_dangerous_weapon/felony/convicted",
                "resisting_arrest/misdemeanor/convicted",
            ]),
        Case(
            body: "Priors: 2015 - OUI (CWOF), 2016 - A&B (dismissed), 2017 - Larceny > $1200 (guilty)",
            detainer: false,
            offenses: ["oui/misdemeanor/charged", "assault_battery/misdemeanor/dismissed", "larceny/felony/convicted"]),
        Case(
            body: "Charges: 1) Poss. Class B 2) Resisting Arrest 3) Disorderly Conduct\nBail set at $500.",
            detainer: false,
            offenses: [
                "drug_possession/misdemeanor/charged", "resisting_arrest/misdemeanor/charged",
                "disorderly_conduct/misdemeanor/charged",
            ]),
        Case(
            body: "Subject was released from custody before ICE could lodge a detainer.", detainer: false),
        Case(body: "We will not be lodging a detainer at this time.", detainer: false),
        Case(body: "Subject does not appear to have any immigration holds.", detainer: false),
        Case(body: "Did you get the detainer I sent over this morning?", detainer: true),
        Case(body: "Subject was turned over to ICE pursuant to the detainer at 0800.", detainer: true),
        Case(
            body: "We have received your detainer request for Mr. Ortiz. Please call the desk before pickup.",
            detainer: true),
        Case(
            body: "Immigration Detainer - Notice of Action (I-247A) attached.", detainer: true, forms: ["I-247A"]),
        Case(
            body: """
                He has a removal order from 2009 and was removed; he reentered illegally sometime after.
                HSI is investigating him for distribution of fentanyl.
                """,
            detainer: false,
            offenses: [
                "drug_distribution/felony/suspected", "illegal_reentry/felony/unknown",
                "immigration_civil/civil/unknown",
            ]),
        Case(
            body: "Case was dismissed on the A&B but he was convicted on the trespass.",
            detainer: false, offenses: ["assault_battery/misdemeanor/dismissed", "trespass/misdemeanor/convicted"]),
        Case(
            body:
                "Warrant for A&B DW out of Roxbury District Court. DHS lodged an immigration detainer with SCSD on 4/12.",
            detainer: true, offenses: ["assault_battery_dangerous_weapon/felony/charged"]),
        Case(
            body: """
                WARRANT FOR ARREST OF ALIEN
                I have determined that there is probable cause to believe that JUAN PEREZ is removable from the
                United States.
                Form I-200 (Rev. 09/16)
                """,
            detainer: true, forms: ["I-200"]),
        Case(
            body: "ICE detainer: YES. Subject is held on the ABDW pending trial.", detainer: true,
            offenses: ["assault_battery_dangerous_weapon/felony/charged"]),
        Case(
            body: "ICE detainer: N/A\nSubject was cited for UOMV and released.", detainer: false,
            offenses: ["unlicensed_operation/misdemeanor/charged"]),
        Case(body: "ICE requested a 48-hour hold on him this morning.", detainer: true),
        Case(
            body: "He was arraigned on assault with intent to murder; ICE may lodge a detainer after arraignment.",
            detainer: false),
        Case(
            body: "He was arrested for possession of Class B substance with intent to distribute and a fake ID.",
            detainer: false, offenses: ["drug_distribution/felony/arrested"]),
        Case(
            body: "His record includes OUI (3rd) and shoplifting.", detainer: false,
            offenses: ["oui/felony/convicted", "shoplifting/misdemeanor/convicted"]),
        Case(
            body: """
                Subject has an extensive criminal history including: Poss. to Distribute Class B, Assault & Battery,
                Trespassing, and Larceny Under $250.
                """,
            detainer: false,
            offenses: [
                "assault_battery/misdemeanor/convicted", "drug_distribution/felony/convicted",
                "larceny/misdemeanor/convicted", "trespass/misdemeanor/convicted",
            ]),
        Case(
            body: "Detainer was faxed to the HOC. Subject is serving 2 1/2 years for Armed Assault in a Dwelling.",
            detainer: true),
        Case(body: "Can you please forward the I-247A to the booking desk?", detainer: true, forms: ["I-247A"]),
        Case(body: "Could you check whether ICE has lodged a detainer?", detainer: false),
        Case(
            body: "He was removed in 2009. He illegally re-entered and was arrested by BPD for OUI.", detainer: false,
            offenses: ["illegal_reentry/felony/unknown", "oui/misdemeanor/arrested"]),
        Case(
            body: """
                WARRANT OF REMOVAL/DEPORTATION
                To any immigration officer of the United States Department of Homeland Security:
                JUAN PEREZ who entered the United States at Laredo, TX on 05/04/2004 is subject to
                removal/deportation from the United States, based upon a final order by: an immigration judge
                Form I-205 (Rev. 08/07)
                """,
            detainer: true, forms: ["I-205"]),
    ]

    @Test(arguments: cases)
    func messageIsClassified(_ c: Case) throws {
        let result = try #require(classify(c.body))
        #expect(result.detainer.present == c.detainer)
        #expect(result.detainer.forms == c.forms)
        #expect(result.offenses.map { "\($0.category)/\($0.level)/\($0.status)" }.sorted() == c.offenses.sorted())
    }
}
