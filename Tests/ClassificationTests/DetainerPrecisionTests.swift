import Classification
import FoiaCore
import Foundation
import Testing

/// Issue 14, deliverable 5: a detainer word or form in a question, a policy mail, a
/// hypothetical, someone else's past, or a denial is no positive; offenses named only as
/// examples are not listed; and each call says which sentence decided it.
@Suite struct DetainerPrecisionTests {
    @Test(arguments: [
        // Questions.
        "Sgt - do you guys have a detainer on him? He's due out of Nashua St Friday.",
        "Is there an I-247A on file for this guy or no",
        // Denials.
        "Checked w/ ERO: no detainer lodged as of 0900.",
        "ICE declined to lodge a detainer, subject was released on PR.",
        "Per the Commissioner we will not honor the I-247A absent a judicial warrant.",
        "The detainer was rescinded by ERO on 3/4, he was released from Suffolk HOC.",
        // Hypotheticals.
        "If ICE lodges a detainer before arraignment let me know and I'll flag it for booking.",
        "Once he's sentenced ERO may issue an I-247A, will keep you posted.",
        // Policy mail.
        "Reminder: under Rule 400 officers shall not hold anyone on an ICE detainer alone.",
        "Attached is the updated policy on I-247A and I-200 requests for your review.",
        // Someone else's detainer.
        "FYI this is not the same Jose Alvarez who had the I-247A lodged in 2015, DOB doesn't match.",
        "His brother had a detainer lodged back in 2014; nothing on this subject.",
    ])
    func notAPositive(body: String) throws {
        let c = try #require(classify(body))
        #expect(c.detainer.present == false, "\(c.detainer.decidedBy.map { "\($0.rule): \($0.sentence)" } ?? "")")
        #expect(c.detainer.forms.isEmpty)
    }

    @Test(arguments: [
        ("I-247A lodged on ALVAREZ this AM, copy attached.", ["I-247A"]),
        ("Detainer faxed to booking @ 0815 hrs, pls honor.", []),
        ("ERO dropped an I-247A and I-200 on him today.", ["I-247A", "I-200"]),
    ])
    func stillAPositive(body: String, forms: [String]) throws {
        let c = try #require(classify(body))
        #expect(c.detainer.present, "\(c.detainer.decidedBy.map { "\($0.rule): \($0.sentence)" } ?? "")")
        #expect(c.detainer.forms == forms)
    }

    /// A forwarded chain: the deciding sentence is named, and a question in the reply does not
    /// undo the lodged detainer quoted below it.
    @Test func theDecidingSentenceIsNamed() throws {
        let body = """
            Thx. Do you need anything else from us?

            -----Original Message-----
            From: Walsh, Stephen B
            Sent: Tuesday, May 09, 2017 4:12 PM
            To: Kelly, Sean
            Subject: RE: MORALES

            ERO lodged an I-247A on MORALES today, fax to follow.
            """
        let c = try #require(classify(body))
        #expect(c.detainer.present)
        let d = try #require(c.detainer.decidedBy)
        #expect(d.rule == "positive_sentence")
        #expect(d.sentence.contains("ERO lodged an I-247A on MORALES today"))
    }

    @Test func aNegativeCallNamesTheSentenceSetAside() throws {
        let c = try #require(classify("Spoke w/ ERO, no detainer lodged. He walked at 1500."))
        #expect(!c.detainer.present)
        let d = try #require(c.detainer.decidedBy)
        #expect(d.rule == "negated")
        #expect(d.sentence.contains("no detainer lodged"))
        #expect(try #require(classify("Released at 1500, nothing further.")).detainer.decidedBy == nil)
    }

    /// A form title that only fills a line because running text wrapped around it is no form page.
    @Test func aWrappedTitleIsNoFormPage() throws {
        let body = """
            The interpreter must be identified, by name, in records by annotating on the Warrant for Arrest of Alien
            or the Warrant of Removal/Deportation.
            H. LIABILITY AND RESPONSIBILITY
            """
        #expect(try #require(classify(body)).detainer.present == false)
        let form = """
            U.S. Department of Homeland Security
            WARRANT OF REMOVAL/DEPORTATION
            To any immigration officer of the United States Department of Homeland Security:
            """
        #expect(try #require(classify(form)).detainer.present)
    }

    /// The contract: an offense named only as an example, in a policy or a hypothetical is
    /// attributed to no one and is not listed.
    @Test(arguments: [
        "An arrest for unlicensed operation alone would not justify a detainer request under the new guidance.",
        "For example, someone picked up on an OUI would not be held for ICE.",
        "We only notify ERO on serious felonies, e.g. armed robbery, rape or murder.",
        "Offenses like shoplifting and trespass are not covered by this agreement.",
        "Hypothetically, if he's convicted of the B&E would ICE pick him up?",
    ])
    func examplesArePolicyNotAttributed(body: String) throws {
        let c = try #require(classify(body))
        #expect(c.offenses.isEmpty, "\(c.offenses.map(\.category))")
    }

    /// …but an example drawn from a person's own record, a plea agreement or a list of
    /// charges is attributed to that person.
    @Test(arguments: [
        ("He has a long record, for example he was convicted of B&E in 2012.", "breaking_entering"),
        ("He pled guilty to OUI as part of the plea agreement.", "oui"),
        ("Subject booked 0300 hrs. Charges listed below: trespass, disorderly.", "trespass"),
        ("Subject has priors, e.g. he was convicted of larceny in 2015.", "larceny"),
    ])
    func anExampleFromAPersonsOwnRecordIsAttributed(body: String, category: String) throws {
        let c = try #require(classify(body))
        #expect(c.offenses.map(\.category).contains(category), "\(c.offenses.map(\.category))")
    }
}
