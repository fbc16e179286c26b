import FoiaCore
import Classification
import Testing

/// Detainer detection: positive statements, shown forms and attachments count; denied,
/// supposed and policy mentions do not.
@Suite struct DetainerDetectorTests {
    func detainer(_ body: String, subject: String? = nil, attachments: [String] = []) throws -> DetainerFinding {
        try #require(classify(body, subject: subject, attachments: attachments)).detainer
    }

    @Test(arguments: [
        ("ICE lodged an I-247A on Mr. Alvarez this morning.", ["I-247A"]),
        ("We have an active ICE detainer on file for Mr. Lopez.", []),
        ("Attached please find the I-247D for ALVAREZ, Jose.", ["I-247D"]),
        ("The I-200 and I-205 were faxed to the Suffolk County HOC at 9:15 this morning.", ["I-200", "I-205"]),
        ("ERO issued a detainer for RAMOS today; please make sure booking has it.", []),
        ("The detainer was served on him at booking.", []),
        ("Just a heads up, an I-247N request for notification has been lodged with Nashua Street Jail.", ["I-247N"]),
        ("ERO requested an I-247X transfer for him.", ["I-247X"]),
        ("Please see attached I-203 Order to Detain for Mr. Pierre.", ["I-203"]),
        ("There is an immigration hold on him.", []),
        ("Detainer for SILVA, Marcos (DOB 1/2/1980).", []),
        ("ICE placed a hold on him at Nashua Street.", []),
    ])
    func positiveStatement(sentence: String, forms: [String]) throws {
        #expect(try detainer(sentence) == DetainerFinding(present: true, forms: forms))
    }

    @Test(arguments: ["l-247A", "I-247 A", "1-247A", "I247A", "|-247A", "I–247A", "i-247a"])
    func ocrDamagedFormNumber(printed: String) throws {
        #expect(
            try detainer("ICE lodged an \(printed) on him this morning.")
                == DetainerFinding(present: true, forms: ["I-247A"]))
    }

    @Test(arguments: [
        "No detainer was lodged on Mr. Silva.",
        "ICE declined to lodge a detainer on her.",
        "ERO did not lodge a detainer.",
        "He was released at arraignment without a detainer.",
        "There is no I-247 on file for him.",
        "We did not issue an I-247A for Mr. Diaz.",
        "There is no I-247A or I-200 on file for Mr. Diaz.",
        "ERO will not be lodging a detainer on him; he does not appear to be removable.",
        "He was released at arraignment. No ICE detainer.",
        "Detainer: none.",
        "A detainer was never lodged.",
        "The detainer request was declined by the court.",
    ])
    func negated(sentence: String) throws {
        #expect(try detainer(sentence) == DetainerFinding(present: false, forms: []))
    }

    @Test(arguments: [
        "If ICE lodges a detainer we will call the desk.",
        "Would you lodge a detainer if he is held on the new charge?",
        "In case a detainer is issued, send it to booking.",
        "Should ICE request a detainer, please send it directly to the booking desk.",
        "Please advise if any of these have detainers.",
        "Please let me know if a detainer is issued in the future.",
        "If an I-247D comes in we would need a judicial warrant before holding anyone on it.",
        "Do you have a detainer on him?",
        "A detainer will be issued if he is convicted.",
        "Is there a detainer on him",
        "ICE may lodge a detainer once he is arraigned.",
        "Still waiting on the detainer from ERO.",
    ])
    func hypothetical(sentence: String) throws {
        #expect(try detainer(sentence) == DetainerFinding(present: false, forms: []))
    }

    @Test(arguments: [
        "BPD policy on detainers under the Trust Act has not changed.",
        "We do not honor detainers without a judicial warrant.",
        "Detainer requests generally go to the booking sergeant.",
        "Under the Boston Trust Act, BPD will not hold anyone on a civil immigration detainer alone.",
        "Per policy, BPD will not hold anyone on a detainer alone.",
        "Can you tell me how BPD handles an I-247A request now?",
        "This letter responds to your request for records concerning immigration detainers issued to BPD.",
        "ICE lodged 45 detainers with BPD in 2017.",
        "Reminder: all detainers must be forwarded to the Office of the Legal Advisor.",
        "ICE has been lodging detainers more frequently at the Nashua Street Jail.",
        "Training on the new I-247A form is scheduled for Tuesday at the academy.",
    ])
    func policy(sentence: String) throws {
        #expect(try detainer(sentence) == DetainerFinding(present: false, forms: []))
    }

    @Test func formPageShowsTheDetainer() throws {
        let page = """
            DEPARTMENT OF HOMELAND SECURITY
            IMMIGRATION DETAINER – NOTICE OF ACTION
            Event #: B0S1234567890 File No: A204123456 Date: 05/10/2017
            2. IT IS THEREFORE REQUESTED THAT YOU:
            X Notify DHS as early as practicable (at least 48 hours, if possible) before the alien is released from your custody.
            DHS Form I-247A (3/17) Page 1 of 3
            """
        #expect(try detainer(page) == DetainerFinding(present: true, forms: ["I-247A"]))
    }

    @Test func warrantPageShowsTheWarrant() throws {
        let page = "DEPARTMENT OF HOMELAND SECURITY\nWARRANT FOR ARREST OF ALIEN\nForm I-200 (Rev. 09/16)"
        #expect(try detainer(page) == DetainerFinding(present: true, forms: ["I-200"]))
    }

    @Test func replyQuotingALodgedDetainerIsAboutIt() throws {
        let body = """
            Received. I forwarded it to booking.
            Thanks,
            Sean
            -----Original Message-----
            From: Lombardi, Nicole <Nicole.K.Lombardi@ice.dhs.gov>
            Sent: Tuesday, February 06, 2018 9:14 AM
            To: Kelly, Sean
            Subject: Detainer – ALVAREZ
            Sean,
            ICE lodged an I-247A (Immigration Detainer – Notice of Action) on Jose Alvarez this morning.
            """
        #expect(try detainer(body) == DetainerFinding(present: true, forms: ["I-247A"]))
    }

    @Test func attachmentNamesTheForm() throws {
        #expect(
            try detainer("See attached. Please honor.", attachments: ["ALVAREZ I-247A.pdf"])
                == DetainerFinding(present: true, forms: ["I-247A"]))
    }

    @Test func policyAttachmentIsNoDetainer() throws {
        #expect(
            try detainer("See attached for Thursday.", attachments: ["Detainer policy FAQ.pdf"])
                == DetainerFinding(present: false, forms: []))
    }

    @Test func quotedAttachmentLineNamesTheForm() throws {
        let body = "Thanks.\nFrom: Lombardi, Nicole\nAttachments: I-205_SILVA.pdf\nSee attached."
        #expect(try detainer(body) == DetainerFinding(present: true, forms: ["I-205"]))
    }

    @Test func subjectAloneIsNotAStatement() throws {
        #expect(try detainer("Thanks.", subject: "Detainer – SMITH") == DetainerFinding(present: false, forms: []))
    }

    @Test func subjectNamesWhatIsAttached() throws {
        #expect(
            try detainer("Attached. Please call when he is ready for pickup.", subject: "I-247A – ALVAREZ")
                == DetainerFinding(present: true, forms: ["I-247A"]))
        #expect(
            try detainer("Thanks.", subject: "Detainer – SMITH", attachments: ["scan0001.pdf"])
                == DetainerFinding(present: true, forms: []))
    }

    @Test func policySubjectWithAttachmentIsNoDetainer() throws {
        #expect(
            try detainer("Attached is the memo for Thursday.", subject: "Detainer policy")
                == DetainerFinding(present: false, forms: []))
    }

    @Test func onlyPositiveMentionsGiveForms() throws {
        let body = "There is no I-247A on file for him. ERO issued an I-247N instead."
        #expect(try detainer(body) == DetainerFinding(present: true, forms: ["I-247N"]))
    }

    @Test func positiveAndPolicyInOneMessage() throws {
        let body = "Per the Trust Act we do not hold on detainers alone.\nICE lodged a detainer on Mr. Diaz today."
        #expect(try detainer(body) == DetainerFinding(present: true, forms: []))
    }

    @Test func negationBeforeACommaDoesNotReachTheDetainer() throws {
        #expect(try detainer("He was not charged, but ICE lodged a detainer on him.").present)
    }

    @Test func formsAreInCanonicalOrder() throws {
        let body = "ERO issued an I-205 warrant of removal and an I-247A for him today."
        #expect(try detainer(body).forms == ["I-247A", "I-205"])
    }

    @Test func phoneNumbersAreNoForms() throws {
        let body = "Call the desk at 617-343-1200 or room 1203."
        #expect(try detainer(body) == DetainerFinding(present: false, forms: []))
    }
}
