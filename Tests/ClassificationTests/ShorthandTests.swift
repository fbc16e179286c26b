import Classification
import FoiaCore
import Foundation
import Rules
import Testing

/// Issue 14, deliverable 4: shorthand is data (`Pipelines/abbreviations.yaml`), written out
/// before phrases are matched, so new combinations of known abbreviations need no new rule;
/// each offense's status comes from its own sentence or record row.
@Suite struct ShorthandTests {
    /// `category/status` of each offense found.
    func found(_ body: String) -> [String] {
        (classify(body)?.offenses ?? []).map { "\($0.category)/\($0.status)" }
    }

    @Test(arguments: [
        // None of these spellings is in offenses.yaml: only the words they stand for are.
        ("Subj stopped by D4 last nite, arrested for unlic op MV. Also had an open warrant out of WRX.",
         "unlicensed_operation/arrested"),
        ("He was charged w/ oper w/o lic and released on PR.", "unlicensed_operation/charged"),
        ("Arrested 2/11 for op M/V w/o lic, towed.", "unlicensed_operation/arrested"),
        ("Chg'd w/ op MV after susp lic (4th).", "operating_after_suspension/charged"),
        ("arr'd for OAS on 4/12 by Trp Nolan", "operating_after_suspension/arrested"),
        ("Subject was arraigned today in BMC on poss w/ intent to dist class B.", "drug_distribution/charged"),
        ("Arrested 3/3 - poss w/i dist cl B, held on $5k", "drug_distribution/arrested"),
        ("He was sentenced to 2 yrs HOC on the viol of R/O.", "restraining_order_violation/convicted"),
        ("Convicted in 2016 of A&B w/ DW (knife), did 18 mos.", "assault_battery_dangerous_weapon/convicted"),
        ("The 209A viol was dismissed at arraignment.", "restraining_order_violation/dismissed"),
    ])
    func newCombinationsOfKnownShorthandMatch(body: String, expected: String) {
        #expect(found(body).contains(expected), "\(found(body))")
    }

    /// The lexicon writes out only what it knows in context: a district court, a photo op, a
    /// suspect, a license plate are no offense.
    @Test(arguments: [
        "Arraigned this AM in Dorchester Dist Ct. Next date 5/2.",
        "Photo op w/ the Commissioner is at 1400, pls RSVP.",
        "Susp fled in a grey MV, partial plate 4TX.",
        "MV stop at Blue Hill Ave, driver had valid lic, no issues.",
        "Dist 4 is sending a cruiser over to pick up the paperwork.",
        // An I-213 narrative (ice-i-213-foia-litigation.pdf): a form's parts A and B.
        "Subject was provided with a copy of form I-867 A/B and served with forms I-860 and I-296.",
    ])
    func shorthandInOtherSensesIsNoOffense(body: String) {
        #expect(found(body).isEmpty, "\(found(body))")
    }

    /// The evidence is the sentence as printed, not the written-out copy.
    @Test func evidenceQuotesThePrintedShorthand() throws {
        let c = try #require(classify("FYI - he was arrested last nite for unlic op MV on Columbia Rd."))
        let o = try #require(c.offenses.first { $0.category == "unlicensed_operation" })
        #expect(o.evidence.contains("unlic op MV"))
        #expect(!o.evidence.contains("unlicensed operating"))
    }

    /// A forwarded chain where each offense carries its own status word.
    @Test func eachOffenseTakesTheStatusOfItsOwnSentence() throws {
        let body = """
            Sgt,
            Subject was arraigned 6/2 on OUI liquor (2nd off). The A&B on the girlfriend's
            brother was dismissed at the same session. He was convicted in 2014 of B&E in Lynn.
            Thx
            -----Original Message-----
            From: Desk, D4
            Sent: Friday, June 02, 2017 9:15 AM
            arr'd last nite for trespass at 55 Dudley St
            """
        let got = found(body)
        #expect(got.contains("oui/charged"), "\(got)")
        #expect(got.contains("assault_battery/dismissed"), "\(got)")
        #expect(got.contains("breaking_entering/convicted"), "\(got)")
        #expect(got.contains("trespass/arrested"), "\(got)")
    }

    /// A court-record printout: the disposition on the charge's own row.
    @Test func recordRowsGiveTheirOwnDisposition() throws {
        let body = """
            BOP printout for subject:
            03/12/2016 BMC CENTRAL  ABDW                      GUILTY  2 YRS HOC
            11/02/2017 DORCHESTER   OUI LIQUOR                DISMISSED
            """
        let got = found(body)
        #expect(got.contains("assault_battery_dangerous_weapon/convicted"), "\(got)")
        #expect(got.contains("oui/dismissed"), "\(got)")
    }

    // MARK: - The lexicon file

    static let offenses = (try? String(contentsOfFile: ShippedRules.offensesPath, encoding: .utf8)) ?? ""
    static let detainers = (try? String(contentsOfFile: ShippedRules.detainersPath, encoding: .utf8)) ?? ""
    static let lexicon = (try? String(contentsOfFile: ShippedRules.abbreviationsPath, encoding: .utf8)) ?? ""

    func problems(_ lexicon: String) -> [RuleProblem] {
        do {
            _ = try ClassificationRules.parse(
                offenses: Self.offenses, file: "Pipelines/offenses.yaml", detainers: Self.detainers,
                file: "Pipelines/detainers.yaml", abbreviations: lexicon, file: "Pipelines/abbreviations.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func shippedLexiconHasNoProblems() {
        #expect(!Self.lexicon.isEmpty)
        #expect(problems(Self.lexicon).isEmpty)
    }

    @Test func lexiconProblemsNameFileLineAndKey() throws {
        let text = """
            version: 1
            abbreviations:
              - short: unlic
                means: unlicensed
              - short: [op]
                meens: operating
              - short: UNLIC
                means: not licensed
              - short: dist
                means: distribute
                only_before: ['class (']
            """
        let found = problems(text).map { "\($0.file):\($0.line ?? 0): \($0.key)" }
        #expect(found.contains("Pipelines/abbreviations.yaml:6: abbreviations[1].meens"), "\(found)")
        #expect(found.contains("Pipelines/abbreviations.yaml:7: abbreviations[2].short"), "\(found)")
        #expect(found.contains("Pipelines/abbreviations.yaml:11: abbreviations[3].only_before[0]"), "\(found)")
        #expect(problems("version: 2\nabbreviations: []\n").contains { $0.key == "version" })
    }
}
