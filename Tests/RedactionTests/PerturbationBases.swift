/// The base texts of the perturbation harness, written for it (not by the sample generator):
/// the kinds of page a police or ICE release prints. Slots are filled per class and seed (see
/// `BaseDocument`); `⟪…⟫` marks officials, their work addresses and agency lines, which must stay.
enum PerturbationBases {
    static let all: [BaseText] = [
        policeToICE, arrestList, detainerForm, familyLetterAndReply, courtClerk, iceSignature, recordPrintout,
        noticeToRespondent,
    ]

    /// A detective asks ICE about an arrestee; the officer's earlier message is quoted below.
    static let policeToICE = BaseText(
        id: "police-to-ice", persons: 2,
        documents: [
            BaseDocument(
                from: "⟪Doherty, Kevin⟫ <⟪kevin.doherty@pd.boston.gov⟫>",
                to: ["⟪Lindqvist, Gregory⟫ <⟪Gregory.Lindqvist@ice.dhs.gov⟫>"],
                subject: "RE: {lastfirst:a} - detainer?",
                body: """
                    Greg,
                    We picked up {name:a} last night on a straight warrant out of Dorchester District Court
                    (shoplifting, 3rd off.). {dob:a}, {anum:a}. Subj was operating {plate:a} at the time
                    and gave {addr:a} as a home address, {phone:a}.
                    {mention:a} says there is a case pending with EOIR. Can you confirm whether ERO wants to lodge?
                    A brother, {name:b} ({dob:b}), came to the desk asking for the property.

                    Thanks,
                    ⟪Sgt. Det. Kevin Doherty⟫
                    Boston Police Department
                    Area C-11 Detectives
                    ⟪(617) 343-4335⟫

                    -----Original Message-----
                    From: ⟪Lindqvist, Gregory⟫
                    Sent: ⟪Monday, November 14, 2016 9:12 AM⟫
                    To: ⟪Doherty, Kevin⟫
                    Subject: {lastfirst:a}
                    Kevin - do you have anything on {mention:a}? We show a prior removal in 2014.
                    ⟪Gregory Lindqvist⟫
                    ⟪Deportation Officer⟫
                    Enforcement and Removal Operations
                    """)
        ])

    /// A district's daily arrest list: a row per arrestee, a second row of record numbers.
    static let arrestList = BaseText(
        id: "arrest-list", persons: 2,
        documents: [
            BaseDocument(
                body: """
                    BOSTON POLICE DEPARTMENT - DISTRICT C-11
                    Arrests ⟪11/12/2016 0700⟫ - ⟪11/13/2016 0700⟫
                    {l.booking}  Name  {l.dob}  {l.addr}  Charge
                    {v.booking:a}  {lastfirst:a}  {v.dob:a}  {v.addr:a}  A&B DW (⟪c265 s15A⟫)
                        {sid:a}  {fbi:a}
                    {v.booking:b}  {lastfirst:b}  {v.dob:b}  {v.addr:b}  OUI LIQUOR (⟪c90 s24⟫)
                        {pcf:b}  {dl:b}
                    Prepared by ⟪Lt. Maureen Gallagher⟫, Duty Supervisor
                    """)
        ])

    /// An I-247A's subject box, as the text layer of a scanned form prints it.
    static let detainerForm = BaseText(
        id: "detainer-form", persons: 1,
        documents: [
            BaseDocument(
                from: "⟪Lindqvist, Gregory⟫ <⟪Gregory.Lindqvist@ice.dhs.gov⟫>", to: ["⟪Doherty, Kevin⟫"],
                subject: "I-247A {lastfirst:a}",
                body: """
                    DEPARTMENT OF HOMELAND SECURITY
                    IMMIGRATION DETAINER - NOTICE OF ACTION
                    Event #: ⟪BOS1611000453⟫   File No: {v.anum:a}   Date: ⟪11/14/2016⟫
                    TO: (Name and Title of Institution - OR Any Subsequent Law Enforcement Agency)
                    Suffolk County House of Correction
                    Name of Alien: {lastfirst:a}
                    {l.dob} {v.dob:a}   Citizenship: BRAZIL   Sex: M
                    {fbi:a}   {sid:a}
                    THE ABOVE NAMED PERSON IS A REMOVABLE ALIEN.
                    ⟪Gregory Lindqvist⟫ - ⟪Deportation Officer⟫
                    (Signature of Authorized Immigration Officer)
                    """)
        ])

    /// A parent writes to the police from a webmail address; the legal advisor's office replies.
    static let familyLetterAndReply = BaseText(
        id: "family-letter", persons: 2,
        documents: [
            BaseDocument(
                from: "{name:b} <{v.email:b}>", to: ["⟪BPD Office of the Legal Advisor⟫"], subject: "my child {name:a}",
                body: """
                    To whom it may concern,
                    My name is {name:b}. My child {name:a} ({dob:a}) was arrested on November 12 and I have not
                    been able to reach anyone. We live at {addr:b}. Please call me at {phone:b} or write to
                    {email:b}.
                    {name:b}
                    """),
            BaseDocument(
                from: "⟪Gallagher, Maureen⟫ <⟪maureen.gallagher@pd.boston.gov⟫>", to: ["{v.email:b}"],
                subject: "RE: my child {name:a}",
                body: """
                    {greet:b}
                    I am writing in response to your inquiry about {mention:a}. The Department does not hold
                    {mention:a} on any current warrant. Questions about custody should go to the Suffolk County
                    Sheriff's Department at ⟪(617) 635-1000⟫.
                    Sincerely,
                    ⟪Lt. Maureen Gallagher⟫
                    Office of the Legal Advisor
                    Boston Police Department
                    ⟪1 Schroeder Plaza⟫, Boston, MA 02120
                    """),
        ])

    /// A clerk's e-mail about a case: a judge named, the defendant's licence, a car's owner.
    static let courtClerk = BaseText(
        id: "court-clerk", persons: 2,
        documents: [
            BaseDocument(
                from: "⟪Tierney, Paul (TRC)⟫ <⟪paul.tierney@jud.state.ma.us⟫>", to: ["⟪Doherty, Kevin⟫"],
                subject: "Commonwealth v. {name:a}",
                body: """
                    Counsel and Officer,
                    In Commonwealth v. {name:a}, Docket No. ⟪1607CR004512⟫, ⟪Judge Maura Kilcoyne⟫ set bail at ⟪$500⟫
                    on ⟪November 15, 2016⟫. The defendant's licence ({dl:a}) was suspended by the RMV; {mention:a} was
                    stopped in a vehicle registered to {name:b}, {plate:b}. Probation lists {ssn:a} and {sid:a}.
                    ⟪Judge Kilcoyne⟫ asked that the booking photos be sent before the next date.

                    ⟪Paul Tierney⟫
                    ⟪Assistant Clerk Magistrate⟫
                    Dorchester District Court
                    ⟪510 Washington Street⟫, Dorchester, MA 02124
                    """)
        ])

    /// An ICE supervisor's message with her full signature block.
    static let iceSignature = BaseText(
        id: "ice-signature", persons: 2,
        documents: [
            BaseDocument(
                from: "⟪Whitcombe, Anne⟫ <⟪Anne.Whitcombe@ice.dhs.gov⟫>", to: ["⟪Doherty, Kevin⟫"],
                subject: "FW: {lastfirst:a} {v.anum:a}",
                body: """
                    Kevin,
                    ERO Boston will lodge on {name:a}. For your records: {anum:a}, {fbi:a}, {pcf:a}.
                    The spouse, {name:b}, called from {phone:b} and said the family lives at {addr:a}.
                    Please have {mention:a} held until ERO arrives.

                    V/r,
                    ⟪Anne Whitcombe⟫
                    ⟪Supervisory Detention and Deportation Officer⟫
                    Enforcement and Removal Operations, Boston Field Office
                    U.S. Immigration and Customs Enforcement
                    ⟪1000 District Avenue⟫, Burlington, MA 01803
                    Desk: ⟪(781) 359-7500⟫ | Cell: ⟪(617) 590-4417⟫
                    ⟪Anne.Whitcombe@ice.dhs.gov⟫
                    """)
        ])

    /// A records check printed from a terminal.
    static let recordPrintout = BaseText(
        id: "record-printout", persons: 1,
        documents: [
            BaseDocument(
                body: """
                    *** CJIS RECORD RESPONSE ⟪11/14/2016 10:02⟫ ***
                    NAM/{lastfirst:a}
                    {dob:a}  SEX/F  RAC/W  HGT/504
                    {dl:a}  {ssn:a}
                    {sid:a}  {fbi:a}
                    {addr:a}
                    {booking:a}
                    Requested by ⟪Det. Luis Almeida⟫ ⟪#1187⟫, ⟪BRIC⟫
                    """)
        ])

    /// A letter to a person, with the recipient's address block at its head.
    static let noticeToRespondent = BaseText(
        id: "notice", persons: 1,
        documents: [
            BaseDocument(
                body: """
                    {name:a}
                    {v.addr:a}

                    {greet:a}
                    This letter is to inform you that your file has been transferred. Your A-number is {v.anum:a}.
                    Please report to ⟪1000 District Avenue⟫, Burlington, MA 01803 on ⟪December 2, 2016 at 9:00 AM⟫.
                    {mention:a} must bring this letter and a photo ID. Questions: ⟪(781) 359-7500⟫.
                    ⟪Todd M. Lyons⟫
                    ⟪Field Office Director⟫
                    """)
        ])
}
