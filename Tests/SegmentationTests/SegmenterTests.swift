import FoiaCore
import FoiaTestSupport
import Foundation
import Rules
import Segmentation
import Testing

/// Builds a document from printed lines: each page is a list of lines; a line starting with
/// `#` is set in a larger font (the owner's name line of an Outlook printout).
func document(_ pages: [[String]], name: String = "dump.pdf") -> ExtractedDocument {
    var out: [PageText] = []
    for (p, lines) in pages.enumerated() {
        var words: [Word] = []
        for (i, raw) in lines.enumerated() {
            let big = raw.hasPrefix("#")
            let line = big ? String(raw.dropFirst()) : raw
            let tokens = line.split(separator: " ")
            let height = big ? 14.0 : 10.0
            let y = 40.0 + Double(i) * 14
            for (k, t) in tokens.enumerated() {
                let x = 72.0 + Double(k) * 40
                words.append(
                    Word(text: String(t), box: Box(x0: x, y0: y, x1: x + 35, y1: y + height), endsLine: k == tokens.count - 1))
            }
        }
        out.append(
            PageText(
                number: p + 1, width: 612, height: 792, source: .text, decision: .useTextLayer("test"), confidence: 100,
                text: PageText.joinedText(words), words: words))
    }
    return ExtractedDocument(input: InputDocument(path: "/tmp/" + name, relativePath: name), sha256: "abc", pages: out)
}

let defaultSegmenter: Segmenter = {
    let config = (try? PipelineConfig.load(path: Fixtures.defaultPipeline))?.segmentation ?? SegmentationConfig()
    return Segmenter(config: config)
}()

@Suite struct HeaderDetectionTests {
    @Test func outlookPrintoutWithOwnerLine() throws {
        let doc = document([
            [
                "#Kelly, Sean", "From: Kelly, Sean", "Sent: Wednesday, May 10, 2017 2:32 PM",
                "To: Doe, Jane (ICE) <Jane.Doe@ice.dhs.gov>; Smith, John <john.smith@pd.boston.gov>",
                "Cc: Ortiz, Ana <ana.ortiz@pd.boston.gov>", "Subject: RE: booking tonight", "Attachments: detainer.pdf",
                "Jane,", "He is in booking now.", "Sean", "BPD-ICE 000123",
            ]
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        let c = try #require(comms.first)
        #expect(c.kind == .email)
        #expect(c.header.from == "Kelly, Sean")
        #expect(c.header.sent == "2017-05-10T14:32:00-04:00")
        #expect(c.header.to == ["Doe, Jane (ICE) <Jane.Doe@ice.dhs.gov>", "Smith, John <john.smith@pd.boston.gov>"])
        #expect(c.header.cc == ["Ortiz, Ana <ana.ortiz@pd.boston.gov>"])
        #expect(c.header.subject == "RE: booking tonight")
        #expect(c.header.attachments == ["detainer.pdf"])
        #expect(c.body == "Jane,\nHe is in booking now.\nSean")
        #expect(c.batesStart == "BPD-ICE 000123")
    }

    /// No Bates series in the file: a state ID alone at the foot of a page is no Bates number.
    @Test func aLoneIdentifierAtTheFootIsNoBatesNumber() throws {
        let doc = document([
            [
                "From: Murphy, Denise", "Sent: Friday, June 01, 2018 5:13 PM", "To: Washington, Thomas",
                "Subject: RE: arrest", "ZHOU, WEI, DOB I. MA DL ERGO BRIO. M4 res HESSD", "MA34912394.", "Thx,",
                "Page 1",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.batesStart == nil)
        #expect(c.body.contains("MA34912394"))
        let stamped = try #require(
            defaultSegmenter.segment(document([["From: Murphy, Denise", "Subject: x", "Body.", "COB 000045"]])).first)
        #expect(stamped.batesStart == "COB 000045")
    }

    /// State IDs at the top of two pages share the prefix `MA` but do not count up with the
    /// pages: no series, no Bates number; a real series still wins over them.
    @Test func identifiersOnTwoPagesAreNoBatesSeries() throws {
        let ids = document([
            ["Emeka Nwosu, DOB 05/13/1993, SID MA13796748, Nigeria", "From: Kelly, Paul", "Subject: x", "Body one."],
            ["> SID: MA43147678", "1", "Body two continues."],
        ])
        let comms = defaultSegmenter.segment(ids)
        #expect(comms.allSatisfy { $0.batesStart == nil && $0.batesEnd == nil }, "\(comms.map(\.batesStart))")
        let stamped = document([
            ["From: Kelly, Paul", "Subject: x", "Body.", "SID: MA13796748", "BPD-ICE 000199"],
            ["More body.", "BPD-ICE 000200"],
        ])
        let c = try #require(defaultSegmenter.segment(stamped).first)
        #expect(c.batesStart == "BPD-ICE 000199")
        #expect(c.batesEnd == "BPD-ICE 000200")
    }

    @Test func ocrDamagedLabelsAreRead() throws {
        let doc = document([
            [
                "Fr0m: Kelly, Sean", "Sent : 5/10/2017 14:32", "T0: Doe, Jane", "Ce: Ortiz, Ana",
                "Subiect: detainer lodged", "Body text here.",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.header.from == "Kelly, Sean")
        #expect(c.header.sent == "2017-05-10T14:32:00-04:00")
        #expect(c.header.to == ["Doe, Jane"])
        #expect(c.header.cc == ["Ortiz, Ana"])
        #expect(c.header.subject == "detainer lodged")
    }

    @Test func wrappedRecipientListsAreJoined() throws {
        let doc = document([
            [
                "From: Kelly, Sean", "Sent: Monday, January 9, 2017 9:05 AM",
                "To: Doe, Jane <jane.doe@ice.dhs.gov>; Roe, Rich <rich.roe@ice.dhs.gov>;",
                "Smith, John <john.smith@pd.boston.gov>", "Subject: list", "Hello.",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.header.to.count == 3)
        #expect(c.header.to.last == "Smith, John <john.smith@pd.boston.gov>")
        #expect(c.header.sent == "2017-01-09T09:05:00-05:00", "EST in January")
    }
}

@Suite struct QuotedChainTests {
    @Test func threeQuotedMessagesStayInOneCommunication() throws {
        let doc = document([
            [
                "#Kelly, Sean", "From: Kelly, Sean", "Sent: Wednesday, May 10, 2017 2:32 PM", "To: Doe, Jane",
                "Subject: RE: RE: pickup", "Thanks.", "-----Original Message-----", "From: Doe, Jane",
                "Sent: Wednesday, May 10, 2017 1:10 PM", "To: Kelly, Sean", "Subject: RE: pickup", "Is he still there?",
                "________________________________", "From: Kelly, Sean [mailto:sean.kelly@pd.boston.gov]",
                "Sent: Wednesday, May 10, 2017 12:01 PM", "To: Doe, Jane", "Subject: pickup", "Booked at D4.",
            ],
            [
                "On Tue, May 9, 2017 at 3:01 PM, Jane Doe <jane.doe@ice.dhs.gov> wrote:", "> Let me know.",
                "> Jane",
            ],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        let c = try #require(comms.first)
        #expect(c.pageStart == 1 && c.pageEnd == 2)
        #expect(c.quoted.count == 3)
        #expect(c.quoted.map(\.sent) == ["2017-05-10T13:10:00-04:00", "2017-05-10T12:01:00-04:00", "2017-05-09T15:01:00-04:00"])
        #expect(c.quoted[1].from == "Kelly, Sean [mailto:sean.kelly@pd.boston.gov]")
        #expect(c.quoted[2].from == "Jane Doe <jane.doe@ice.dhs.gov>")
        #expect(c.body.contains("Booked at D4."))
    }

    @Test func forwardedMessageIsQuoted() throws {
        let doc = document([
            [
                "From: Kelly, Sean", "Sent: Thursday, June 1, 2017 8:00 AM", "To: Doe, Jane", "Subject: FW: record",
                "See below.", "---------- Forwarded message ---------", "From: Records Unit <records@pd.boston.gov>",
                "Date: Wed, 31 May 2017 16:20:05 -0400", "Subject: record", "To: Kelly, Sean", "Attached.",
            ]
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 1)
        #expect(comms.first?.quoted.first?.sent == "2017-05-31T16:20:05-04:00")
        #expect(comms.first?.quoted.first?.subject == "record")
    }
}

@Suite struct PageAssignmentTests {
    @Test func coverLetterIsADocumentAndAttachmentsFollowTheirMessage() throws {
        let doc = document([
            ["City of Boston", "Dear Requester:", "Enclosed are records responsive to your request."],
            ["#Kelly, Sean", "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: detainer", "See attached."],
            ["IMMIGRATION DETAINER - NOTICE OF ACTION", "Name: X", "Form I-247A"],
            ["#Kelly, Sean", "From: Doe, Jane", "Sent: 5/11/2017 9:00 AM", "To: Kelly, Sean", "Subject: RE: detainer", "Got it."],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.kind) == [.document, .email, .email])
        #expect(comms.map(\.pageStart) == [1, 2, 4])
        #expect(comms.map(\.pageEnd) == [1, 3, 4])
        #expect(comms[0].body.contains("Enclosed are records"))
    }

    @Test func twoShortMessagesOnOnePage() throws {
        let doc = document([
            [
                "#Kelly, Sean", "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: one",
                "First message.", "#Kelly, Sean", "From: Doe, Jane", "Sent: 5/10/2017 3:00 PM", "To: Kelly, Sean",
                "Subject: two", "Second message.",
            ]
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.count == 2)
        #expect(comms.map(\.pageStart) == [1, 1])
        #expect(comms.map(\.header.subject) == ["one", "two"])
        #expect(comms[0].body == "First message.")
        #expect(comms[0].id != comms[1].id)
    }

    @Test func quotedHeaderOnTopOfAPageIsNotANewMessageInAnOwnerLineDump() throws {
        let doc = document([
            ["#Little, Patricia A.", "From: Lewin", "Sent: 3/7/2013 3:04 PM", "Subject: Re: Asset", "Call me"],
            ["From: Martinez, Maria P.", "Sent: 3/7/2013 1:57 PM", "To: Lewin, Jonathan H.", "Subject: RE: Asset", "busy"],
            ["#Little, Patricia A.", "From: Martinez", "Sent: 3/7/2013 2:36 PM", "Subject: RE: Asset", "ok"],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.pageStart) == [1, 3])
        #expect(comms.first?.pageEnd == 2)
        #expect(comms.first?.quoted.count == 1)
    }

    @Test func furnitureIsRemovedFromBodies() throws {
        let doc = document([
            [
                "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: x", "Line one of the body.",
                "RELEASED UNDER FOIA", "Page 1 of 2", "BPD-ICE 000200",
            ],
            ["Line two of the body.", "Page 2 of 2", "BPD-ICE 000201"],
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(c.body == "Line one of the body.\nLine two of the body.")
        #expect(c.batesStart == "BPD-ICE 000200")
        #expect(c.batesEnd == "BPD-ICE 000201")
    }
}

@Suite struct DuplicateTests {
    @Test func theSameMessagePrintedTwicePointsToTheFirst() throws {
        let message = [
            "From: Kelly, Sean", "Sent: 5/10/2017 2:32 PM", "To: Doe, Jane", "Subject: pickup",
            "He is being released at noon from the district four lockup, please advise.",
        ]
        let a = defaultSegmenter.segment(document([message], name: "a.pdf"))
        let b = defaultSegmenter.segment(document([["#Doe, Jane"] + message], name: "b.pdf"))
        var all = a + b
        DuplicateIndex().mark(&all)
        #expect(all[0].duplicateOf == nil)
        #expect(all[1].duplicateOf == all[0].id)
    }
}

@Suite struct SentDateTests {
    @Test(arguments: [
        ("Wednesday, May 10, 2017 2:32 PM", "2017-05-10T14:32:00-04:00"),
        ("5/10/2017 14:32", "2017-05-10T14:32:00-04:00"),
        ("Wed, 10 May 2017 14:32:05 -0400", "2017-05-10T14:32:05-04:00"),
        ("Wed, 10 May 2017 18:32:05 +0000", "2017-05-10T14:32:05-04:00"),
        ("Thursday, March 07, 2013 3:04 PM", "2013-03-07T15:04:00-05:00"),
        ("Sunday, March 12, 2017 3:30 AM", "2017-03-12T03:30:00-04:00"),
        ("September 5, 2017 at 2:23:47 PM CDT", "2017-09-05T15:23:47-04:00"),
        ("Fri, Seo 1, 2017 3:57 pm", "2017-09-01T15:57:00-04:00"),
    ])
    func sentIsNormalised(printed: String, iso: String) throws {
        let doc = document([["From: A", "Sent: \(printed)", "To: B", "Subject: s", "x"]])
        #expect(defaultSegmenter.segment(doc).first?.header.sent == iso)
    }
}

@Suite struct ScanNoiseTests {
    @Test func noiseBeforeLabelsAndAroundTheOwnerLineIsTolerated() throws {
        let doc = document([
            ["Produced pursuant to G.L. c. 66, § 10 — CoB-19-0077", "‘McCarthy, John", "1 eT", "_ From: Kelly, James (BPD)",
             "Sent: 10/25/2016 1:08:19 PM", "To: McCarthy, John", "- Subject: - RE: Out of office", "Back Monday."],
            ["Produced pursuant to G.L. c. 66, § 10 -— CoB-19-0077", "| McCarthy, John",
             "From: patrick.abernathy @ pd. boston, gov", ": Date: 5/2/2018 11:25:06 AM",
             "To: \"Walsh, Stephen\" <Stephen. Walsh @ice.dhs.gov>", "Subject: RE: ICE paperwork", "Received."],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.pageStart) == [1, 2])
        #expect(comms[0].header.from == "Kelly, James (BPD)")
        #expect(comms[0].header.subject == "RE: Out of office")
        #expect(comms[1].header.from == "patrick.abernathy@pd.boston.gov")
        #expect(comms[1].header.sent == "2018-05-02T11:25:06-04:00")
        #expect(comms[1].header.to == ["\"Walsh, Stephen\" <Stephen.Walsh@ice.dhs.gov>"])
        #expect(!comms[1].body.contains("Produced pursuant"))
    }

    @Test func aPrintoutTitledWithItsSubjectStartsAMessage() throws {
        let doc = document([
            ["#Washington, Helen D.", "From: Whitaker, Andrew (ICE)", "Sent: 2/10/2018 4:33:14 PM", "Subject: RE: Inquiry", "Ok.", "1"],
            ["RE: Request for information – B-2 arrest", "Subject: RE: Request for information – B-2 arrest",
             "From: Lisa Santiago <Lisa.Santiago@ice.dhs.gov>", "Date: February 14, 2018 at 7:44:52 PM EST",
             "To: \"Abernathy, Patrick\" <patrick.abernathy@pd.boston.gov>", "Good morning Patrick,", "1"],
        ])
        let comms = defaultSegmenter.segment(doc)
        #expect(comms.map(\.pageStart) == [1, 2])
        #expect(comms[1].header.from == "Lisa Santiago <Lisa.Santiago@ice.dhs.gov>")
        #expect(comms[1].header.sent == "2018-02-14T19:44:52-05:00")
    }

    @Test func aSendersTrailingInitialIsKept() throws {
        let doc = document([["From: Walsh, Stephen B.", "Sent: 5/2/2018 11:25 AM", "To: Kelly, James", "Subject: x", "y"]])
        #expect(defaultSegmenter.segment(doc).first?.header.from == "Walsh, Stephen B.")
    }
}

@Suite struct AddressListTests {
    @Test func rfcListsSplitAtCommasBetweenEntriesAndColonlessCcIsRead() throws {
        let doc = document([
            [
                "From: robert.flaherty@pd.boston.gov", "Date: Tue, 7 Jun 2016 09:18:40 -0400",
                "To: \"Conroy, Patrick\" <Patrick.Conroy@ice.dhs.gov>, \"Driscoll, Marcus\" <Marcus.Driscoll@ice.dhs.gov>,",
                "\"Greene, Erin\" <Erin.F.Greene@ice.dhs.gov>", "Ces ‘Lindqvist, Paul (BPD); Harrington, Marcus (City)",
                "* . Subject: Foreign-born arrests this week", "Here are this week's arrests.",
            ]
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        #expect(
            c.header.to == [
                "\"Conroy, Patrick\" <Patrick.Conroy@ice.dhs.gov>", "\"Driscoll, Marcus\" <Marcus.Driscoll@ice.dhs.gov>",
                "\"Greene, Erin\" <Erin.F.Greene@ice.dhs.gov>",
            ])
        #expect(c.header.cc == ["‘Lindqvist, Paul (BPD)", "Harrington, Marcus (City)"] || c.header.cc.count == 2)
        #expect(c.header.subject == "Foreign-born arrests this week")
        #expect(c.header.sent == "2016-06-07T09:18:40-04:00")
    }
}
