import FoiaCore
import Classification
import Testing

/// Every category of the contract is found in the way police and ICE write it.
@Suite struct OffenseMatcherTests {
    /// A sentence as printed in such e-mails and the category it must yield (at least).
    static let examples: [(String, String)] = [
        ("SANTOS, Luis was arrested last night by District B-2 officers for UOMV.", "unlicensed_operation"),
        (
            "Officers arrested him after a traffic stop for unlicensed operation of a MV, G.L. c.90, s.10.",
            "unlicensed_operation"
        ),
        ("He was cited for operating after suspension on Blue Hill Ave.", "operating_after_suspension"),
        ("LICENSE SUSPENDED, OP MV WITH c90 §23", "operating_after_suspension"),
        ("Mr. Reyes was booked at C-11 this morning for 0UI-liquor.", "oui"),
        ("She was charged with operating under the influence of liquor.", "oui"),
        ("She is charged with leaving the scene of property damage.", "leaving_scene"),
        ("He was arrested for assau1t and battery on 5/12.", "assault_battery"),
        ("He was arrested for A & B after a fight outside the bar.", "assault_battery"),
        (
            "Subject was arraigned in Dorchester District Court on A&B on family/household member.",
            "domestic_assault_battery"
        ),
        ("He was arrested for A&B on his girlfriend at her apartment.", "domestic_assault_battery"),
        ("He was charged with ABDW (knife) and held without bail.", "assault_battery_dangerous_weapon"),
        ("Booked on A&B DW, G.L. c.265, s.15A.", "assault_battery_dangerous_weapon"),
        ("He is wanted for ADW after he swung a bottle at the clerk.", "assault_dangerous_weapon"),
        ("ASSAULT W/DANGEROUS WEAPON c265 §15B(b)", "assault_dangerous_weapon"),
        ("Mr. Nguyen was convicted of unarmed robbery in 2014.", "robbery"),
        ("ROBBERY, UNARMED c265 §19(b)", "robbery"),
        ("He has an open case for armed robbery while masked.", "armed_robbery"),
        ("He was indicted for indecent A&B on a person 14 or over.", "sexual_assault"),
        ("Subject was convicted of manslaughter in 2009 and served 7 years.", "homicide"),
        ("She was arrested for kidnapping her son from the daycare.", "kidnapping"),
        ("He is charged with stalking his ex-girlfriend.", "stalking"),
        ("He was arrested for threat to commit a crime at the shelter.", "threats"),
        ("He was booked on CFWOL and possession of ammunition.", "firearm_possession"),
        ("He pled guilty to poss. class B (cocaine) in 2015.", "drug_possession"),
        ("HSI believes he is involved in PWID class A out of a house in Lynn.", "drug_distribution"),
        ("She was arrested for larceny over $1,200 at the Prudential.", "larceny"),
        ("He was picked up for shoplifting at the Target on Boylston.", "shoplifting"),
        ("He was arrested for B&E daytime with intent to commit a felony.", "breaking_entering"),
        ("He was arrested for trespassing at the MBTA station after being warned.", "trespass"),
        ("He was charged with malicious destruction of property (windshields).", "malicious_destruction"),
        ("He was arrested for disorderly conduct and resisting arrest.", "resisting_arrest"),
        ("He was arrested for disorderly conduct and resisting arrest.", "disorderly_conduct"),
        ("He was arrested for a 209A violation at the victim's home.", "restraining_order_violation"),
        ("She is charged with identity fraud (c. 266 § 37E) for using a stolen SSN.", "identity_fraud"),
        ("He was arraigned on possession of a forged MA license.", "false_rmv_document"),
        ("She was arrested for sexual conduct for a fee on Boylston St.", "prostitution"),
        ("He was convicted of improper entry (8 USC 1325) in 2011.", "improper_entry"),
        ("Border Patrol arrested him in 2008; he is an EWI.", "improper_entry"),
        ("HSI intends to present him to the USAO for illegal re-entry, 8 U.S.C. § 1326.", "illegal_reentry"),
        ("ERO records show he has a final order of removal from 2012.", "immigration_civil"),
        ("She overstayed a B-2 visa that expired in 2014 and is removable.", "immigration_civil"),
        ("He is unlawfully present and subject to removal.", "immigration_civil"),
        ("He entered the U.S. illegally in 2005 near Laredo and was arrested for trespass.", "improper_entry"),
        ("He re-entered the United States illegally after his 2011 removal.", "illegal_reentry"),
        ("He was arrested for operating w/ suspended license.", "operating_after_suspension"),
        ("He was booked on ABPO after kicking the officer.", "assault_battery"),
        ("Arrested for 0UI (breath test refused).", "oui"),
    ]

    @Test(arguments: examples)
    func categoryIsFound(sentence: String, category: String) throws {
        let result = try #require(classify(sentence))
        #expect(result.offenses.map(\.category).contains(category), "\(result.offenses.map(\.category))")
    }

    @Test func everyContractCategoryHasAnExample() {
        let covered = Set(Self.examples.map(\.1))
        for c in ContractVocabulary.categories { #expect(covered.contains(c.name), "no example for \(c.name)") }
    }

    /// A statute citation alone names the category.
    @Test(arguments: [
        ("He was arraigned on c. 90 § 23 this morning.", "operating_after_suspension"),
        ("Charged under c.90 s.10.", "unlicensed_operation"),
        ("Complaint issued, G.L. c.265, s.15A.", "assault_battery_dangerous_weapon"),
        ("He was charged under MGL ch. 266 § 30.", "larceny"),
        ("Prior conviction: 8 USC 1326.", "illegal_reentry"),
        ("Convicted of 8 U.S.C. § 1325 in 2010.", "improper_entry"),
        ("Arraigned on c90 §24(2)(a).", "leaving_scene"),
    ])
    func citationAloneNamesCategory(sentence: String, category: String) throws {
        let result = try #require(classify(sentence))
        #expect(result.offenses.map(\.category) == [category])
    }

    @Test func ambiguousCitationNamesNothing() throws {
        // c. 90 § 24 is both OUI and leaving the scene.
        let result = try #require(classify("He was arraigned on c. 90 § 24."))
        #expect(result.offenses.isEmpty)
    }

    @Test func publicRecordsLawCitationIsNoOffense() throws {
        let result = try #require(classify("This letter responds to your request under G.L. c. 66, § 10."))
        #expect(result.offenses.isEmpty)
    }

    @Test func longerMentionOfAnotherCategoryWins() throws {
        let result = try #require(classify("He was arrested for A&B on a family/household member and armed robbery."))
        #expect(result.offenses.map(\.category) == ["domestic_assault_battery", "armed_robbery"])
    }

    @Test func adjacentCitationNamesTheOffenseMorePrecisely() throws {
        let result = try #require(classify("He was convicted of A&B (G.L. c.265, s.13M) in 2007."))
        #expect(result.offenses.map(\.category) == ["domestic_assault_battery"])
    }

    @Test func oneEntryPerCategory() throws {
        let result = try #require(classify("He was arrested for OUI. The OUI arrest was his first."))
        #expect(result.offenses.map(\.category) == ["oui"])
    }

    @Test(arguments: [
        "He was not charged with OUI.",
        "Mr. Diaz has never been arrested for trespass.",
        "No charges for shoplifting were filed.",
        "ERO will not be lodging a detainer; he does not appear to be removable.",
        "If he is arrested for trespass again, please let us know.",
        "Can you check whether he was charged with larceny?",
        "The Trust Act allows cooperation on individuals charged with crimes such as murder, rape and armed robbery.",
        "He was the victim of an armed robbery on Tremont St. last night.",
        "She came in to report a larceny from her car.",
        "Det. Sean Kelly, Homicide Unit, Boston Police Department",
        "Oui, merci beaucoup.",
        "The suspect had an assault rifle in the trunk.",
        "Meeting re: gang violence and drug distribution trends in District B-2 is moved to Thursday.",
        "Please find attached the monthly statistics on arrests for trespass and shoplifting.",
    ])
    func nothingAttributed(sentence: String) throws {
        let result = try #require(classify(sentence))
        #expect(result.offenses.isEmpty, "\(result.offenses.map(\.category))")
    }

    @Test func negationAfterTheOffenseDoesNotDenyIt() throws {
        let result = try #require(classify("He is suspected of OUI but has not been charged yet."))
        #expect(result.offenses.map(\.category) == ["oui"])
        #expect(result.offenses.first?.status == "suspected")
    }

    @Test func negationEndsAtTheClause() throws {
        let result = try #require(classify("He was not charged with trespass, but he was arrested for A&B."))
        #expect(result.offenses.map(\.category) == ["assault_battery"])
    }

    /// The I-247A's printed checkboxes are not an immigration finding about anyone.
    @Test func detainerFormBoilerplateIsNoOffense() throws {
        let page = """
            DEPARTMENT OF HOMELAND SECURITY
            IMMIGRATION DETAINER – NOTICE OF ACTION
            1. DHS HAS DETERMINED THAT PROBABLE CAUSE EXISTS THAT THE SUBJECT IS A REMOVABLE ALIEN.
            THIS DETERMINATION IS BASED ON (complete box 1 or 2):
            X A final order of removal against the alien;
            The pendency of ongoing removal proceedings against the alien;
            X Biometric confirmation of the alien's identity and a records check of federal databases that
            affirmatively indicate, by themselves or in addition to other reliable information, that the alien
            either lacks immigration status or notwithstanding such status is removable;
            DHS Form I-247A (3/17) Page 1 of 3
            """
        let result = try #require(classify(page))
        #expect(result.offenses.isEmpty, "\(result.offenses.map(\.category))")
        #expect(result.detainer == DetainerFinding(present: true, forms: ["I-247A"]))
    }

    @Test func subjectLineIsNotRead() throws {
        let result = try #require(classify("Thanks, will do.", subject: "Threats"))
        #expect(result.offenses.isEmpty)
    }

    @Test func quotedHeaderLinesAreNotRead() throws {
        let body = """
            Got it.
            -----Original Message-----
            From: Kelly, Sean
            Sent: Monday, May 7, 2018 9:14 AM
            Subject: RE: Trespass arrests
            See below.
            """
        let result = try #require(classify(body))
        #expect(result.offenses.isEmpty)
    }

    @Test func findingCarriesTableValues() throws {
        let result = try #require(classify("He was arrested for ABDW last night."))
        let finding = try #require(result.offenses.first)
        #expect(finding.statute == "MGL c.265 §15A")
        #expect(finding.violent)
        #expect(finding.level == "felony")
    }

    @Test func pageComesFromTheLine() throws {
        let classifier = try #require(ShippedRules.classifier)
        let body = "Hi Sean,\nSee below.\nHe was arrested for trespass at the\nstation last night."
        let result = classifier.classify(message(body, pages: [3, 3, 4, 4]))
        #expect(result.offenses.first?.page == 4)
    }

    @Test func evidenceIsShortAndCollapsed() throws {
        let long =
            "He was arrested   for\ntrespass "
            + String(repeating: "at the station near the park and the river ", count: 8) + "."
        let result = try #require(classify(long))
        let evidence = try #require(result.offenses.first?.evidence)
        #expect(evidence.count <= 160)
        #expect(evidence.hasPrefix("He was arrested for trespass"))
        #expect(!evidence.contains("  ") && !evidence.contains("\n"))
    }

    @Test func offensesFollowTableOrder() throws {
        let result = try #require(
            classify("He was arrested for trespass, OUI and unlicensed operation of a motor vehicle."))
        #expect(result.offenses.map(\.category) == ["unlicensed_operation", "oui", "trespass"])
    }
}
