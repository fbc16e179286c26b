import FoiaCore
import FoiaTestSupport
import Foundation
import Rules
import Segmentation
import Testing

/// Builds a document whose words sit where an Outlook printout puts them: a tab in a line
/// separates the label (at x 72) from its value (in the column at x 144); a line starting with
/// a tab is a value whose label was lost; `#` marks the owner's name line (set larger).
/// Words are spaced by their length, as printed.
func printout(_ pages: [[String]], name: String = "printout.pdf", source: PageSource = .ocr) -> ExtractedDocument {
    var out: [PageText] = []
    for (p, lines) in pages.enumerated() {
        var words: [Word] = []
        for (i, raw) in lines.enumerated() {
            let big = raw.hasPrefix("#")
            let line = big ? String(raw.dropFirst()) : raw
            let height = big ? 14.0 : 10.0
            let y = 40.0 + Double(i) * 14
            var placed: [(String, Double)] = []
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (n, part) in parts.enumerated() {
                var x = n == 0 ? 72.0 : 144.0
                for t in part.split(separator: " ") {
                    placed.append((String(t), x))
                    x += Double(t.count) * 5.5 + 3
                }
            }
            for (k, (t, x)) in placed.enumerated() {
                words.append(
                    Word(
                        text: t, box: Box(x0: x, y0: y, x1: x + Double(t.count) * 5.5, y1: y + height), confidence: 90,
                        endsLine: k == placed.count - 1))
            }
        }
        out.append(
            PageText(
                number: p + 1, width: 612, height: 792, source: source, decision: .useTextLayer("test"), confidence: 90,
                text: PageText.joinedText(words), words: words))
    }
    return ExtractedDocument(input: InputDocument(path: "/tmp/" + name, relativePath: name), sha256: "abc", pages: out)
}

@Suite struct NoisyLabelTests {
    /// The label damage the issue lists, as OCR printed it on the separately written dump.
    @Test func strayPunctuationQuotesUnderscoresAndDashesAroundLabels() throws {
        let doc = printout([
            [
                "#Kelly, Sean", "_ From: _. Kelly, Sean", "“Sent: . ' Wednesday, May 10, 2017 2:32 PM",
                "~ To _ Doe, Jane", "Subject: RE: booking . '", "He is in booking now.",
            ],
            [
                "#Kelly, Sean", "From: _. Doe, Jane", "~ Sent _ Thursday, May 11, 2017 9:00 AM", "‘To: Kelly, Sean",
                "— Subject: — RE: RE: booking", "Got it.",
            ],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.pageStart) == [1, 2])
        #expect(comms.map(\.header.from) == ["Kelly, Sean", "Doe, Jane"])
        #expect(comms.map(\.header.sent) == ["2017-05-10T14:32:00-04:00", "2017-05-11T09:00:00-04:00"])
        #expect(comms.map(\.header.to) == [["Doe, Jane"], ["Kelly, Sean"]])
        #expect(comms.map(\.header.subject) == ["RE: booking", "RE: RE: booking"])
    }

    @Test func lettersSplitInsideLabels() throws {
        let doc = printout([
            [
                "Fr om: Kelly, Sean", "S ent: 5/10/2017 2:32 PM", "T o: Doe, Jane", "Subj ect: pickup", "Body.",
            ],
            ["Frorn: Doe, Jane", "Sent: 5/11/2017 9:00 AM", "To: Kelly, Sean", "Attach ments: a.pdf", "Subiect: RE: pickup", "Ok."],
        ])
        let comms = defaultSegmenter.segment(doc)
        try #require(comms.count == 2, "\(comms.map(\.header))")
        #expect(comms.map(\.pageStart) == [1, 2])
        #expect(comms.map(\.header.from) == ["Kelly, Sean", "Doe, Jane"])
        #expect(comms.map(\.header.subject) == ["pickup", "RE: pickup"])
        #expect(comms[1].header.attachments == ["a.pdf"])
    }

    /// Split letters and a colon read as `_` together, in RFC order with a subject title on
    /// top (`Subje ct _ FW: …` must not take `FW:` for the label's colon).
    @Test func splitLettersAndALostColonTogether() throws {
        let doc = printout([
            [
                "FW: Complaint from victim", "Subje ct _ FW: Complaint from victim", "Fr om _ Tamika Prescott <tamika.prescott@pd.boston.gov>",
                "‘Dat e _ 6/11/2018 14:05", "~To _ \"Flaherty, Sean\" <Sean.C.Flaherty@ice.dhs.gov>", "Forwarding from Sgt. Whitaker.",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.kind == .email)
        #expect(c.header.subject == "FW: Complaint from victim")
        #expect(c.header.from == "Tamika Prescott <tamika.prescott@pd.boston.gov>")
        #expect(c.header.sent == "2018-06-11T14:05:00-04:00")
    }

    /// Prose that begins like a label is not a header: `I sent: …` and a line starting `To`.
    @Test func proseIsNotReadAsLabels() throws {
        let doc = printout([
            [
                "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: pickup", "I sent: the form yesterday.",
                "To be clear, he is in booking.", "From the desk of the sergeant",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.body.contains("I sent: the form yesterday."))
        #expect(c.body.contains("To be clear"))
        #expect(c.quoted.isEmpty)
    }

    @Test func oneLineHeadersAreSplitIntoFields() throws {
        let doc = printout([
            [
                "From: Kelly, Sean Sent: Wednesday, May 10, 2017 2:32 PM To: Doe, Jane Subject: RE: pickup at D4",
                "He is ready.", "From: Doe, Jane - To: Kelly, Sean - Date: 5/10/2017 1:10 PM", "Subject: pickup at D4",
                "Is he ready?",
            ]
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        let c = try #require(comms.first)
        #expect(c.header.from == "Kelly, Sean")
        #expect(c.header.sent == "2017-05-10T14:32:00-04:00")
        #expect(c.header.to == ["Doe, Jane"])
        #expect(c.header.subject == "RE: pickup at D4")
        #expect(c.body.hasPrefix("He is ready."))
        #expect(c.quoted.map(\.from) == ["Doe, Jane"])
        #expect(c.quoted.map(\.sent) == ["2017-05-10T13:10:00-04:00"])
    }
}

@Suite struct LostLabelTests {
    /// OCR dropped the `From:` label (a speck over it) and the `Sent:` label of the next
    /// printout: the values still stand in the column, in the printed order.
    @Test func valuesInTheColumnKeepTheBlock() throws {
        let doc = printout([
            ["#Kelly, Sean", "\tKelly, Sean", "Sent:\tWednesday, May 10, 2017 2:32 PM", "To:\tDoe, Jane", "Subject:\tpickup", "Body one."],
            ["#Kelly, Sean", "From:\tDoe, Jane", "\tThursday, May 11, 2017 9:00 AM", "To:\tKelly, Sean", "Subject:\tRE: pickup", "Body two."],
            ["#Kelly, Sean", "Fnm\tOrtiz, Ana", "\t5/12/2017 10:15 AM", "To:\tKelly, Sean", "Subject:\tRE: RE: pickup", "Body three."],
        ])
        let comms = defaultSegmenter.segment(doc)
        try #require(comms.count == 3, "\(comms.map(\.header))")
        #expect(comms.map(\.pageStart) == [1, 2, 3])
        #expect(comms.map(\.header.from) == ["Kelly, Sean", "Doe, Jane", "Ortiz, Ana"])
        #expect(comms.map(\.header.sent) == ["2017-05-10T14:32:00-04:00", "2017-05-11T09:00:00-04:00", "2017-05-12T10:15:00-04:00"])
        #expect(comms[2].body == "Body three.")
    }

    /// In an owner-line dump, a page whose `From:` label was lost still names its owner, so a
    /// later page's owner line (inside the page) is still recognised.
    @Test func ownerNamesAreLearntWhenTheFromLabelIsLost() throws {
        let doc = printout([
            ["Callahan, Lisa", "\tCallahan, Lisa", "Sent:\t5/10/2017 2:32 PM", "To:\tDoe, Jane", "Subject:\tone", "First."],
            ["Callahan, Lisa", "\tDoe, Jane", "\t5/10/2017 3:00 PM", "To:\tCallahan, Lisa", "Subject:\ttwo", "Second.",
             "Callahan, Lisa", "From:\tOrtiz, Ana", "Sent:\t5/10/2017 4:00 PM", "To:\tCallahan, Lisa", "Subject:\tthree", "Third."],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.header.subject) == ["one", "two", "three"])
        #expect(comms.map(\.header.from) == ["Callahan, Lisa", "Doe, Jane", "Ortiz, Ana"])
    }

    /// Chicago part 1 and 15: a reply's `From:` and `Sent:` labels lost, its `Subject:` kept,
    /// and the message it quotes printed with inline labels a line below the reply. The quoted
    /// block's values (left of the column) must not set the reply's value column.
    @Test func lostLabelsAboveAShortReplyOverAnInlineQuotedBlock() throws {
        let reply = [
            "Little, Patricia A.", "\tMartinez", "\tThursday, March 07, 2013 1:57 PM", "Subject:\tRE: Asset Forfeiture",
            "Robert is doing it im busy", "From: Lewin, Jonathan H.", "Sent: Thursday, March 07, 2013 1:57 PM",
            "To: Martinez, Maria P.", "Subject: RE: Asset Forfeiture", "haha",
        ]
        let doc = printout([
            ["Little, Patricia A.", "From:\tLewin", "Sent:\tThursday, March 07, 2013 2:36 PM", "Subject:\tRE: Asset Forfeiture", "Stop by."],
            reply,
        ])
        let comms = defaultSegmenter.segment(doc)
        try #require(comms.count == 2, "\(comms.map(\.header))")
        #expect(comms.map(\.pageStart) == [1, 2])
        #expect(comms[1].header.from == "Martinez")
        #expect(comms[1].header.sent == "2013-03-07T13:57:00-05:00")
        #expect(comms[1].quoted.first?.from == "Lewin, Jonathan H.")
    }

    /// Body lines at the left margin and inline headers (no value column) give no lost labels.
    @Test func noColumnNoGuess() throws {
        let doc = printout([
            [
                "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: pickup", "Kelly, Sean",
                "Wednesday is fine for the transfer.",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.body == "Kelly, Sean\nWednesday is fine for the transfer.")
        #expect(c.header.subject == "pickup")
    }

    /// A wrapped recipient list sits in the value column too; it stays part of `To`.
    @Test func wrappedRecipientsInTheColumnAreNotGuessedFields() throws {
        let doc = printout([
            [
                "From:\tKelly, Sean", "Sent:\t5/10/2017 2:32 PM", "To:\tDoe, Jane; Roe, Rich;", "\tSmith, John",
                "Subject:\tpickup", "Body.",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.header.to == ["Doe, Jane", "Roe, Rich", "Smith, John"])
        #expect(c.header.subject == "pickup")
    }
}

@Suite struct PageLayoutTests {
    /// Three short printouts on one page; owner lines as OCR read them (same height as the
    /// text, specks at their edges).
    @Test func threeMessagesOnOnePage() throws {
        let doc = printout([
            [
                "Kelly, Sean", "From:\tKelly, Sean", "Sent:\t5/10/2017 2:32 PM", "To:\tDoe, Jane", "Subject:\tone", "First.",
                "‘Kelly, Sean |", "From:\tDoe, Jane", "Sent:\t5/10/2017 3:00 PM", "To:\tKelly, Sean", "Subject:\ttwo", "Second.",
                "Kelly, Sean", "From:\tOrtiz, Ana", "Sent:\t5/10/2017 4:00 PM", "To:\tKelly, Sean", "Subject:\tthree", "Third.",
            ]
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.header.subject) == ["one", "two", "three"])
        #expect(comms.map(\.body) == ["First.", "Second.", "Third."])
    }

    /// A printout that starts at the foot of a page has its header split by the page break.
    @Test func headerSplitByAPageBreak() throws {
        let doc = printout([
            [
                "#Kelly, Sean", "From:\tKelly, Sean", "Sent:\t5/10/2017 2:32 PM", "To:\tDoe, Jane", "Subject:\tone", "First.",
                "#Kelly, Sean", "From:\tDoe, Jane", "Sent:\t5/10/2017 3:00 PM", "Page 1 of 2",
            ],
            ["BPD-ICE 000124", "To:\tKelly, Sean", "Subject:\ttwo", "Second.", "Page 2 of 2"],
        ])
        let comms = defaultSegmenter.segment(doc)
        try #require(comms.count == 2, "\(comms.map(\.header))")
        #expect(comms.map(\.pageStart) == [1, 1])
        #expect(comms.map(\.pageEnd) == [1, 2])
        #expect(comms[1].header.to == ["Kelly, Sean"])
        #expect(comms[1].header.subject == "two")
        #expect(comms[1].body == "Second.")
    }

    /// The court exhibit's page 5 ends on `On …, ROUSH wrote:` and page 6 is the same message
    /// printed again: a header on top of a page after a `wrote:` line is a new printout.
    @Test func aHeaderAfterAWroteLineOnThePageBeforeStartsAPrintout() throws {
        let header = [
            "From: WARREN, JANICE on behalf of WARREN, JANICE <jwarren@pcssd.org>", "Sent: Wednesday, September 6, 2017 1:25 PM",
            "To: GILLEN, ALICIA; BOARD MEMBERS; ROUSH DEBORAH", "Subject: Re: Statement for press",
        ]
        let doc = printout(
            [
                ["Case 4:19-cv-00655-BSM Document 40-18 Filed 09/11/20 Page 5 of 7"] + header + [
                    "Hope this helps.", "On Wed, Sep 6, 2017 at 10:08 AM, ROUSH. DEBORAH <droush@nessd.ors> wrote:",
                    "Warren: Bates No. 000394",
                ],
                ["Case 4:19-cv-00655-BSM Document 40-18 Filed 09/11/20 Page 6 of 7"] + header + [
                    "Hope this helps.", "On Wed, Sep 6, 2017 at 10:08 AM, ROUSH. DEBORAH <droush@pessd.ore> wrote:",
                    "Warren: Bates No. 000395",
                ],
                ["Case 4:19-cv-00655-BSM Document 40-18 Filed 09/11/20 Page 7 of 7", "Dr. Warren requested I send you this.",
                 "Warren: Bates No. 000396"],
            ], name: "court-exhibit.pdf")
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.pageStart) == [1, 2])
        #expect(comms.map(\.pageEnd) == [1, 3])
    }

    /// Quoted messages behind odd separators stay inside their message: a line of soft hyphens
    /// around `Forwarded message` (Chrome's Gmail print), a damaged `Original Message` rule.
    @Test func oddSeparatorsOpenQuotedMessages() throws {
        let shy = String(repeating: "\u{00AD}", count: 11)
        let doc = printout([
            [
                "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: FW: update", "See below.",
                "\(shy) Forwarded message \(shy)", "From: landon.karr@chicagopolice.org",
                "Date: Wed Aug 30 2017 12:07:56 GMT\u{00AD}0500 (CDT)", "Subject: FOIA Update", "To: foia@invisibleinstitute.com",
                "Mr. Stecklow,",
            ],
            [
                "-----Original Message-—---", "From: Sam Jones <SJones@mwlaw.com>", "To: Kelly, Sean",
                "Sent: Fri, Sep 1, 2017 3:57 pm", "Subject: status", "Tuesday works.",
                "———————————————", "From: Doe, Jane", "Sent: 8/31/2017 1:00 PM", "To: Jones, Sam", "Subject: status", "Ok.",
            ],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        #expect(comms.first?.pageEnd == 2)
        #expect(comms.first?.quoted.count == 3)
    }
}

@Suite struct PipelineLabelTests {
    /// Labels come from the pipeline file only: a German pipeline reads `Von:` / `Betreff:`,
    /// and a pipeline without `From` does not know the word.
    @Test func labelsAreThePipelinesOwn() throws {
        var german = SegmentationConfig()
        german.headerLabels = ["from": ["Von"], "sent": ["Gesendet"], "to": ["An"], "subject": ["Betreff"]]
        let doc = printout([["Von: Kelly, Sean", "Gesendet: 5/10/2017 2:32 PM", "An: Doe, Jane", "Betreff: Abholung", "Text."]])
        let c = try #require(Segmenter(config: german).segment(doc).first)
        #expect(c.kind == .email)
        #expect(c.header.from == "Kelly, Sean")
        #expect(c.header.subject == "Abholung")
        let english = printout([["From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: pickup", "Text."]])
        #expect(Segmenter(config: german).segment(english).allSatisfy { $0.kind == .document })
    }
}

@Suite struct WebPrintoutTests {
    /// `chicago-pd-foia-update-gmail-forward-native.pdf`: Chrome's print of a Gmail message.
    @Test func gmailPrintout() throws {
        let shy = String(repeating: "\u{00AD}", count: 11)
        let doc = document([
            [
                "Invisible Institute Mail - Fw: FOIA Update", "Fw: FOIA Update", "Sam Stecklow",
                "Hi so…apparently the awards data we have is flawed", "Sam", "—", "Sam Stecklow", "Invisible Institute",
                "\(shy) Forwarded message \(shy)", "From: landon.karr@chicagopolice.org",
                "Date: Wed Aug 30 2017 12:07:56 GMT\u{00AD}0500 (CDT)", "Subject: FOIA Update", "To: foia@invisibleinstitute.com",
                "Mr. Stecklow,", "Landon",
            ]
        ], name: "gmail.pdf")
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        let c = try #require(comms.first)
        #expect(c.kind == .email)
        #expect(c.header.from == "Sam Stecklow")
        #expect(c.header.subject == "Fw: FOIA Update")
        #expect(c.quoted.map(\.from) == ["landon.karr@chicagopolice.org"])
        #expect(c.body.hasPrefix("Hi so…apparently"))
    }

    /// `chicago-pd-foia-request-owa-email-scanned-handwritten.pdf`: an Outlook Web App page
    /// printed, with the browser's title and `Page 1 of 2` on top and the URL and print date
    /// at the foot; the date is printed as `Today`.
    @Test func outlookWebAppPrintout() throws {
        let doc = document([
            [
                "Illinois Freedom of Information Act. Request: Search Warrant Log 4 Page 1 of 2",
                "Illinois Freedom of Information Act. Request: Search Warrant Log",
                "56379-12682528@requests.muckrock.com Reply all |", "Today, 10:59 AM", "FOIA",
                "To help protect your privacy, some content in this message has been blocked.", "Chicago Police Department",
                "https://outlook.office365.com/owa/?viewmodel=ReadMessageltem&ItemID=AAMKAGExNjgzO... 6/22/2018",
            ],
            [
                "Illinois Freedom of Information Act. Request: Search Warrant Log Page 2 of 2", "Sincerely,",
                "https://outlook.office365.com/owa/?viewmodel=ReadMessageltem&ItemID=AAMKAGEXxNjgzO... 6/22/2018",
            ],
        ], name: "owa.pdf")
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        let c = try #require(comms.first)
        #expect(c.kind == .email)
        #expect(c.pageStart == 1 && c.pageEnd == 2)
        #expect(c.header.from == "56379-12682528@requests.muckrock.com")
        #expect(c.header.subject == "Illinois Freedom of Information Act. Request: Search Warrant Log")
        #expect(c.header.sent == "2018-06-22T10:59:00-04:00")
    }

    /// A letter whose letterhead repeats a line is no web printout.
    @Test func aLetterheadIsNoWebPrintout() throws {
        let doc = document([
            ["City of Boston Police Department", "Police Department", "Office Of The Commissioner", "Dear Requester:", "Enclosed."]
        ])
        #expect(defaultSegmenter.segment(doc).map(\.kind) == [.document])
    }
}
