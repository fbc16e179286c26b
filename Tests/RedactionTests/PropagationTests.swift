import FoiaCore
import Redaction
import Testing

/// A private person identified once is redacted in every later mention, anywhere in the dump.
@Suite struct PropagationTests {
    /// The thread of the brief: an I-247A names him; later messages say `Mr. Alvarez`,
    /// `ALVAREZ, Jose` in a subject, `Alvarez's`, an attachment's file name, an OCR error.
    @Test func aPersonFromADetainerFormIsRedactedThroughTheThread() {
        let form = MarkedText(
            """
            DEPARTMENT OF HOMELAND SECURITY
            IMMIGRATION DETAINER - NOTICE OF ACTION
            Event #: BE1427340487 File No: ⟦anum:A204123456⟧ Date: 05/27/2016
            Name of Alien: Date of Birth: Citizenship: Sex:
            ⟦name:ALVAREZ, Jose Luis⟧ ⟦dob:03/04/1985⟧ EL SALVADOR M
            ⟪Brian McCarthy⟫ - Supervisory Detention and Deportation Officer
            """)
        let reply = MarkedText(
            """
            ⟦name:Mr. Alvarez⟧ is due in court Friday. ⟦name:Alvarez⟧'s lawyer called twice.
            The CORI for ⟦name:Alvarcz⟧ (OCR) shows two priors; ⟦name:Jose Alvarez⟧ was held on bail.
            Thanks,
            ⟪Sgt. Det. Robert Flaherty⟫
            """)
        let c1 = communication(
            id: "c1", from: "McCarthy, Brian <Brian.S.McCarthy@ice.dhs.gov>", subject: "Detainer",
            attachments: ["ALVAREZ I-247A.pdf"],
            body: form.text)
        let c2 = communication(
            id: "c2", from: "Flaherty, Robert <robert.flaherty@pd.boston.gov>", subject: "RE: ALVAREZ, Jose",
            quoted: [QuotedHeader(from: "McCarthy, Brian", sent: nil, subject: "Alvarez, Jose - detainer")],
            body: reply.text)
        let redactor = TestRules.redactor
        // Detect passes over shards merge into one registry.
        var registry = redactor.detect(c2)
        registry.merge(redactor.detect(c1))
        let results = [c1, c2].map { redactor.redact($0, registry: registry) }
        expectRedaction(of: [form, reply], result: results)
        let c1Out = results[0].communication
        let c2Out = results[1].communication
        #expect(!c1Out.header.attachments[0].uppercased().contains("ALVAREZ"), "\(c1Out.header.attachments)")
        #expect(c1Out.header.attachments[0].hasSuffix("I-247A.pdf"))
        #expect(!(c2Out.header.subject ?? "").uppercased().contains("ALVAREZ"), "\(c2Out.header.subject ?? "")")
        #expect(!(c2Out.quoted[0].subject ?? "").uppercased().contains("ALVAREZ"))
        #expect(c2Out.quoted[0].from == "McCarthy, Brian")
        // One person, one pseudonym, in every form and field.
        let tags = Set(results.flatMap(\.records).filter { $0.type == .personName }.map(\.placeholder))
        #expect(tags.count == 1, "\(tags)")
        #expect(c2Out.body.contains("'s lawyer"))
    }

    /// A private name ending the prose just before `Thx,` and a ranked signature is no
    /// signature; two people share the surname, and `Nwosu` alone and `Mr. Nwosu's` still go.
    @Test func aNameBeforeTheClosingIsNotASignature() {
        expectBodies([
            """
            I ran him in EAGLE and (b)(7)(E) .
            ⟦name:Nwosu⟧ pled guilty to operating under the influence of liquor in 2010 and served 9
            months.
            We have the I-247A detainer and an I-205 warrant of removal on file for
            ⟦name:Chinedu Nwosu⟧.
            Thx,
            ⟪SDDO Rachel Doherty⟫
            Enforcement and Removal Operations
            FYI –
            ⟦name:Chinedu Nwosu⟧ was arraigned this morning in Boston Municipal Court on assault w/
            a dangerous weapon (bottle).
            """,
            """
            ⟦name:Emeka Nwosu⟧ was found guilty of possession with intent to distribute and ID fraud
            in 2017.
            ⟦name:Mr. Nwosu⟧'s stalking case was nolle prossed in 2011.
            No detainer was lodged on ⟦name:Mr. Nwosu⟧.
            Regards,
            ⟪Rachel Doherty⟫
            Supervisory Detention and Deportation Officer
            """,
        ])
    }

    /// Two people share a surname, one found only in prose: the surname alone still goes.
    @Test func aSharedSurnameAloneFollowsTheSurerPerson() {
        expectBodies([
            """
            ERO records show ⟦name:Exantus⟧ is a removable alien with a final order from 2014.
            ERO issued a detainer for ⟦name:Marie-Carmelle Exantus⟧; please make sure booking has it.
            """,
            "Charges pending against ⟦name:Marie-Carmelle Exantus⟧: ADW.\n⟦name:EXANTUS, MARIE-CARMELLE⟧ – DOB: ⟦dob:November 26, 1967⟧",
            "BRIC has him listed as an associate.\n⟦name:Jean-Claude Exantus⟧ is a visa overstay (B-2, admitted 2012).",
        ])
    }

    /// A surname that is also a word (`fortes`) goes alone where only a name is printed so.
    @Test func aSurnameThatIsAWordGoesInCapitalsAndFileNames() {
        expectBodies([
            "⟦name:FORTES, NILTON⟧ – DOB: ⟦dob:11-07-82⟧ / SID: ⟦sid:MA42724107⟧",
            "Attachments: I-247A_⟦name:FORTES⟧.pdf\nSee BOP_⟦name:FORTES⟧.pdf. ⟦name:FORTES⟧ was booked at 10:40.",
        ])
    }

    /// Every other mention was withheld with an exemption code; prose still names him.
    @Test func aLoneSurnameAsTheSubjectOfAStatus() {
        expectBodies([
            """
            Name: (b)(7)(C)
            ERO records show ⟦name:Fleurimond⟧ is a removable alien with a final order from 2011.
            ⟦name:Jean-Claude Exantus⟧ is a visa overstay (B-2, admitted 2012).
            He is a removable alien. ⟪ICE⟫ is a partner agency.
            """
        ])
    }

    /// OCR printed a zero in the surname: the word is still the person's.
    @Test func aSurnameWithOCRsZeroForO() {
        expectBodies([
            "Name: ⟦name:TZOC, Ixchel Maribel⟧\nDOB: ⟦dob:4/4/1990⟧",
            "A 2015 case against ⟦name:Tz0C, Ixchel⟧ for poss class B was dismissed. ⟦name:Mr. TZ0C⟧ was not there.",
            "Codes stay: C-11, A1B2, 10-4, BRIC412.",
        ])
    }

    @Test func mentionsInOtherFilesAreRedactedToo() {
        expectBodies([
            "Name: ⟦name:NWOSU, Ngozi⟧\nDOB: ⟦dob:2/27/1991⟧",
            "Arrested today: ⟦name:Ngozi Nwosu⟧. ⟦name:NWOSU⟧ was released on personal recognizance.",
            "See ⟦name:BOP_NWOSU⟧.pdf; ⟦name:Ms. Nwosu⟧ has a hearing. ⟦name:NGOZI-NWOSU⟧ missed it.",
            "OCR ran the words together: ⟦name:NgoziNwosu⟧ was released.",
        ])
    }

    @Test func aLoneSurnameSharedWithAnOfficialStays() {
        // Two people named Kelly: the detective is an official; the suspect is named in full.
        expectBodies([
            """
            Name: ⟦name:KELLY, Shawn⟧ DOB ⟦dob:5/5/1990⟧
            ⟪Det. Kelly⟫ will call you. ⟪Kelly⟫ is on days this week.
            """
        ])
    }

    @Test func namesFoundOnlyAsTheSubjectOfAnArrest() {
        expectBodies([
            """
            ⟦name:Carvalho⟧'s unarmed robbery case was nolle prossed in 2008.
            ⟦name:Nguyen⟧ was arrested by D-4 officers on Tuesday.
            ⟦name:Linh Huynh⟧ is suspected of criminal trespass but has not been charged.
            ⟪Court⟫ was closed; ⟪Police⟫ were notified.
            """
        ])
    }
}

@Suite struct EdgeCaseTests {
    @Test func aSurnameThatIsAlsoAWordAsTheSubject() {
        expectBodies(["Attached please find a detainer.\n⟦name:Fortes⟧ was identified as a suspect by a witness.\n⟪Alien⟫ has been advised."])
    }

    @Test func aNumberPrintedAloneOnTheNextPageIsStillRedacted() {
        // The label ends one page; the number starts the next, where no rule sees the label.
        expectBodies(["Vietnam passport: ⟦passport:141407589⟧", "⟦passport:141407589⟧\nHe is being held at District C-11."])
    }

    @Test func aCourtAddressNearADateOfBirthIsNotAName() {
        expectBodies([
            """
            ⟦name:TEIXEIRA, Joao⟧ DOB: ⟦dob:February 28, 1969⟧ is scheduled for arraignment at Chelsea District Court
            (⟪120 Broadway, Chelsea, MA 02150⟫).
            """
        ])
    }
}

@Suite struct HeaderPartyTests {
    /// A header party printed without an address is presumed an official, unless the dump
    /// identifies the name as a private person's.
    @Test func aPrivatePersonInAHeaderWithoutAddress() {
        let form = communication(id: "f", body: "Name: ALVAREZ, Jose\nDOB: 3/4/1985")
        let mail = communication(id: "m", from: "Kelly, Sean", to: ["Jose Alvarez", "Greene, Erin"], body: "See below.")
        let redactor = TestRules.redactor
        let registry = redactor.detect([form, mail])
        let out = redactor.redact(mail, registry: registry).communication
        #expect(!out.header.to[0].contains("Alvarez"), "\(out.header.to)")
        #expect(out.header.to[1] == "Greene, Erin")
        #expect(out.header.from == "Kelly, Sean")
    }

    @Test func randomKeysDiffer() {
        #expect(Pseudonymizer.randomKey() != Pseudonymizer.randomKey())
        #expect(Pseudonymizer.randomKey().count == 32)
    }
}

/// Entity resolution across documents (issue 15): a lone given name never reaches another
/// document, and a lone surname there is redacted but not linked to the person.
@Suite struct DocumentScopeTests {
    @Test func loneNamesAreNotLinkedAcrossDocuments() throws {
        let redactor = TestRules.redactor
        let a = communication(
            id: "a", body: "Booking sheet: Patricia Quezada-Lund, DOB 04/11/1979, was booked on the warrant.\nPatricia asked for an interpreter.",
            path: "a.pdf")
        let b = communication(
            id: "b", body: "Patricia from the records unit will send the log.\nThe file on Quezada-Lund is closed.", path: "b.pdf")
        var ra = redactor.detect(a)
        ra.place(inDocument: "a.pdf")
        var rb = redactor.detect(b)
        rb.place(inDocument: "b.pdf")
        var registry = ra
        registry.merge(rb)
        let outA = redactor.redact(a, registry: registry.scoped(to: "a.pdf"))
        let outB = redactor.redact(b, registry: registry.scoped(to: "b.pdf"))
        // In its own document the given name alone goes, under the person's tag.
        #expect(!outA.communication.body.contains("Patricia"))
        let tagA = try #require(outA.records.first { $0.original == "Patricia Quezada-Lund" }?.placeholder)
        #expect(outA.records.contains { $0.original == "Patricia" && $0.placeholder == tagA })
        // Another document's Patricia is someone else and stays.
        #expect(outB.communication.body.contains("Patricia from the records unit"))
        // The surname alone there is redacted, with a tag of its own and the reason audited.
        let surname = try #require(outB.records.first { $0.original == "Quezada-Lund" })
        #expect(surname.placeholder != tagA)
        #expect(surname.ruleID == "registry_surname_elsewhere")
        // Unscoped (one loose text, as before) the links stay as they were.
        #expect(!redactor.redact(b, registry: registry).communication.body.contains("Quezada-Lund"))
    }

    /// A name printed wholly in capitals, as a warrant's caption prints the person searched.
    @Test func aNameInCapitalsIsRedactedWithItsLineBrokenSurname() {
        expectBodies([
            """
            In the Matter of the Search of THE PERSON OF ⟦name:JAMES THOMAS ANDREW⟧
            ⟦name:MCCARTY⟧
            The person of ⟦name:JAMES THOMAS ANDREW MCCARTY⟧ (“⟦name:MCCARTY⟧”), date of birth October 7, 2002.
            ELECTRONIC SEARCH AND SEIZURE WARRANT issued by the ⟪UNITED STATES DISTRICT COURT⟫.
            """
        ])
    }

    /// A Gmail printout heads the requester's forward with the display name alone, which for an
    /// Outlook colleague would mean an official; the letter calls him `Mr. Stecklow`.
    @Test func aSalutedRequesterIsNoColleagueInTheHeader() {
        let body = MarkedText(
            """
            Mr. ⟦name:Stecklow⟧,
            The Department has located 14 awards; see the list below.
            """)
        let out = redactForward(fromRequester: body)
        #expect(!(out.communication.header.from ?? "").contains("Stecklow"))
        #expect(!(out.communication.header.from ?? "").contains("Sam"))
    }

    /// The requester signs the forward with his given name, over his full name; the header's
    /// display name without an address is no official's evidence once `Mr. Stecklow` is private.
    @Test func aSalutedRequestersSignOffIsRedacted() {
        let body = MarkedText(
            """
            attached is apparently better awards data; read the FOIA officer's letter below.
            ⟦name:Sam⟧
            ⟦name:Sam Stecklow⟧
            Invisible Institute
            ---------- Forwarded message ----------
            Mr. ⟦name:Stecklow⟧,
            The Department has located 14 awards; see the list below.
            """)
        let out = redactForward(fromRequester: body)
        #expect(!(out.communication.header.from ?? "").contains("Sam"))
    }

    /// The Gmail forward headed `From: Sam Stecklow` (no address), redacted in its own
    /// document, with the body's marks checked.
    private func redactForward(fromRequester body: MarkedText) -> RedactionResult {
        let c = communication(id: "g", from: "Sam Stecklow", subject: "Fw: FOIA Update", body: body.text, path: "g.pdf")
        let redactor = TestRules.redactor
        var registry = redactor.detect(c)
        registry.place(inDocument: "g.pdf")
        let out = redactor.redact(c, registry: registry.scoped(to: "g.pdf"))
        expectRedaction(of: [body], result: [out])
        return out
    }
}
