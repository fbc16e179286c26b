import FoiaCore
import Redaction
import Testing

/// Shapes seen in real releases (an I-213, Chicago Police mail, court exhibits), which no
/// generator writes.
@Suite struct RealWorldPhrasingTests {
    /// Seed 9500: a given name that is also a word, after a hyphenated surname in capitals,
    /// and a building's name wrapped onto a quoted line.
    @Test func aGivenNameThatIsAWordAndAWrappedPlace() {
        expectBodies([
            """
            From: Marchetti, Carmen [mailto:Carmen.Marchetti @ pd.boston.gov]
            Sent: Tuesday; November 29, 2016 11:06 AM
            To: Driscoll, Sean
            Subject: ⟦name:Wander Taveras-Polanco⟧
            Hi,
            RE: ⟦name:Wander Taveras-Polanco⟧ Marchetti, Carmen
            FYI -
            ⟦name:TAVERAS-POLANCO, WANDER⟧ was taken into custody for A&B FHM 2nd off.
            """,
            """
            > Can we move our monthly meeting to Monday at 10:00? The conference room at Schroeder
            > ⟪Plaza⟫ is booked.
            > 1 Schroeder ⟪Plaza⟫
            """,
            "It contains information that may be exempt under the Freedom of ⟪Informat'ion Act⟫ (5 U.S.C. 552).\n⟪Vv Vv⟫ ⟪VV Vv Vv⟫ were seen near ⟦name:O'Brien⟧'s car; ⟦name:Mr. D'Angelo⟧ drove.",
            "⟦name:PEREIRA, THIAGO⟧, DOB ⟦dob:10/11/1988⟧, Phone ⟦phone:857-584-6572⟧, MA reg .\n⟪Page 1⟫ of 2\nCITY000007",
        ])
    }

    @Test func anI213WithItsLabelRowsAndNarrative() {
        expectBodies([
            """
            Family Name (CAPS) First Middle Sex Hair Eyes Cmpixn
            ⟦name:GUZMAN-REYES EDGAR⟧ M BRO BRO
            US Address Scars and Marks
            ⟪WASHINGTON, WASHINGTON⟫,
            Date of Birth Date of Action Location Code
            ⟦dob:04/11/1999⟧ | Age: 20 03/05/2020 SEA/SEA
            Social Secunty Number ⟦ssn:531-04-2210⟧
            Father's Name, Nationality, and Address, if Known
            ⟦name:RAMON TORRES⟧ NATIONALITY: MEXICO
            Alien's Name File Number Date
            ⟦name:GUZMAN-REYES, Edgar⟧ ⟦anum:A213 456 789⟧ 03/05/2020
            On March 4, 2020, ⟦name:Edgar Guzman-Reyes⟧, DOB ⟦dob:04/11/1999⟧, a citizen of Mexico, arrived at
            Seattle-Tacoma International Airport. ⟦name:GUZMAN-REYES⟧ stated he was coming to work.
            ⟪CBPO⟫ stated that he was inadmissible.
            """
        ])
    }

    @Test func chicagoMailboxesAndSystems() {
        let body = MarkedText(
            """
            XP pro Office2k3, LEADS 2000, ⟪ACCURINT, FINCEN⟫(financial database for law enforcement)
            Old ⟪Dell PowerEdge⟫ servers; ⟪Renee's Crystal⟫ Reports still time out.
            I talked to ⟪Bill Kilroy⟫ about the ⟪CDOT, DoIT⟫ feed.
            Alex Soto
            Sergeant
            Chicago Police Department
            Public Safety Information Technology
            ⟪3510 S. Michigan Ave⟫
            Chicago, IL 60653
            ⟪(312) 745-5545⟫
            """)
        let c = communication(
            from: "Soto, Alexis C.", to: ["Kilroy Jr, William A.", "\"Martinez, Maria P.\" <Maria.Martinez@chicagopolice.ore>"],
            body: body.text)
        let redactor = TestRules.redactor
        let r = redactor.redact(c, registry: redactor.detect([c]))
        expectRedaction(of: [body], result: [r])
        #expect(r.communication.header.to == c.header.to, "an OCR-damaged agency domain is still the agency's")
    }

    @Test func policeShorthand() {
        expectBodies([
            """
            Can you run this guy for me? ⟦name:ALVAREZ, Jose Luis⟧ DOB ⟦dob:03/04/85⟧ A# ⟦anum:204 123 456⟧
            Subj is a 34 y/o Salvadoran male, known MS-13 associate, operating MA PC reg ⟦plate:5TX492⟧.
            His girlfriend ⟦name:Yesenia Cruz⟧ (⟦dob:6/17/1990⟧) resides at ⟦addr:12 Bowdoin St Apt 3⟧, Dorchester.
            ⟦name:Cruz⟧ was released on PR. ⟪Det. Sgt. Mark Brennan⟫ is the case officer.
            """
        ])
    }
}

@Suite struct NameShapeTests {
    @Test func capitalSurnamesParticlesAndListDates() {
        expectBodies([
            """
            Please see attached I-247A for ⟦name:Jose ALVAREZ-REYES⟧.
            The complainant, ⟦name:Maria de la Cruz⟧, called again.
            ⟦name:MEJIA POLANCO, Rafael⟧ ⟦dob:11/02/1988⟧ DOMINICAN REPUBLIC
            ⟪Jamaica Plain⟫ and ⟪El Salvador⟫ are places.
            """
        ])
    }
}

@Suite struct PrivateCorrespondentTests {
    @Test func aFamilyMemberWritingToThePolice() {
        expectBodies([
            """
            To whom it may concern,
            My name is ⟦name:Maria Pereira⟧ and I am writing about my son ⟦name:Jose Pereira⟧. He was arrested Friday.
            My husband ⟦name:Carlos⟧ was also taken. You can call me at ⟦phone:617-555-0123⟧.
            Sent from my iPhone
            This is ⟪Sgt. Kelly⟫ from BPD returning your call.
            """
        ])
    }

    /// A declarant's friend named after the place they live, and an alias in a police
    /// narrative (the CBP declarations and the violation notice among the realdocs).
    @Test func aFriendAfterAPlaceAndAnAlias() {
        expectBodies([
            """
            No one has discussed with me any release plan. I have a family friend in
            Florida, ⟦name:Pablo⟧, who is willing to take me in.
            """,
            """
            Dispatch went on to inform me that the defendant ⟦name:Maria Hernandez⟧ has several aliases, one of which was ⟦name:McDonald⟧.
            My cousin from ⟪Houston⟫ came too.
            """,
        ])
    }

    /// A given name printed beside a surname found alone (a requester's sign-off, a form's
    /// first-name cell), and the same given name alone in that text.
    @Test func aGivenNameBesideARedactedSurname() {
        expectBodies([
            """
            Dear Mr. ⟦name:Stecklow⟧,
            attached is the awards data; read the FOIA officer's letter below.
            ⟦name:Sam⟧
            ⟦name:Sam Stecklow⟧
            Invisible Institute
            """,
            """
            Last Name First Name M.I.
            ⟦name:MCDONALD⟧ | ⟦name:Elizabeth L⟧
            Dear Ms. ⟦name:McDonald⟧:
            Signed, ⟪Officer Dana Whitfield⟫
            """,
        ])
    }

    /// The person's given name as OCR broke it beside the surname: split (`G raciela`,
    /// `Edw in`) or with its first letter lost (`dwin`), known from a clean printing.
    @Test func aGivenNameBrokenByOCRBesideTheSurname() {
        expectBodies([
            "Name: ⟦name:HRYTSENKO, Graciela⟧ DOB: ⟦dob:03/04/1985⟧\nName: ⟦name:OKAFOR, Edwin⟧ DOB: ⟦dob:05/06/1990⟧",
            """
            We picked up ⟦name:G raciela⟧ ⟦name:HRYTSENKO⟧ last night at the house in ⟪Revere⟫.
            ⟦name:Edw in⟧ ⟦name:OKAFOR⟧ says there is a warrant; ⟦name:OKAFOR⟧ ⟦name:dwin⟧ was released in May.
            A brother, ⟦name:Edwin⟧
            ⟦name:Okafor⟧ (DOB: ⟦dob:05/06/1990⟧), came to the desk; so did ⟦name:HRYTSENKO⟧, ⟦name:Gra-
            ciela⟧.
            """,
        ])
    }

    /// The release's request number printed beside a private person stays; the person's
    /// booking code does not.
    @Test func theRequestNumberBesideAPersonStays() {
        expectBodies([
            """
            BPD ⟪PR19-0412⟫ page 4
            ⟦name:ZELAYA, Edwin⟧ ⟦dob:03/14/1988⟧ booked ⟦BK26-858427⟧ (request ⟪PRR 21-1187⟫)
            """
        ])
    }

    /// An arrest list whose name column wrapped after the surname's comma.
    @Test func aRecordRowWrappedAfterTheComma() {
        expectBodies([
            """
            Booking #  Name  DOB:  Address:  Charge
            ⟦26-004411⟧  ⟦name:ZELAYA,
            Edwin⟧  ⟦dob:03/14/1988⟧  ⟦addr:41 Bennington St⟧  A&B DW (c265 s15A)
            Arresting officer: ⟪Sgt. Dana Whitfield⟫, ⟪Boston,
            Massachusetts⟫
            """
        ])
    }

    /// A dispatch (CAD) log as the Pleasanton and Alameda releases print it: shorthand after
    /// ordinary words in capitals is no person, the call persons are.
    @Test func aDispatchLogsShorthandIsNoPerson() {
        expectBodies([
            """
            17:42:10 ⟪PHONE, MISDIALED⟫ NO ANSWER ON CALLBACK
            17:45:31 ⟪ALONE, RP⟫ ADVISED SUBJ LSW GRY HOODIE, ⟪RP, UNK COLOR⟫ VEH
            Call Persons
            Name Date of Birth Contact Phone
            ⟦name:BAUER, JACOB⟧ ⟦dob:06/27/1980⟧
            ⟦name:BAUERJACOB⟧ PDDISP31CFPXM2
            The caller walked to ⟪Santa Clara⟫ Av and then to ⟪Van Buren⟫ St.
            This is what they currently have: 37 computers
            ⟪Dell Optiplex⟫ GX520 SP3
            """
        ])
    }

    /// Letters in `../shared/realdocs`: the addressee's surname after a salutation, whose colon
    /// is no label's, even when the surname is an ordinary word (`Mire`) and the only mention.
    @Test func surnameInALettersSalutation() {
        expectBodies([
            "November 6, 2001\nMs. ⟦name:Patricia F. Mire⟧\nAlstom Power, Inc.\nDear Ms. ⟦name:Mire⟧:\nIn accordance with the provisions",
            "Re: NOTICE OF RESPONSE TO FOIA REQUEST\nDear Mr. ⟦name:Martinez⟧:\nThe Chicago Police Department is in receipt of your request.",
            "Dear Ms. ⟦name:Ocampo⟧:\nYour file has been transferred.",
        ])
    }
}
