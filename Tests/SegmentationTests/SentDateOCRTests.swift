import FoiaCore
import FoiaTestSupport
import Foundation
import Segmentation
import Testing

/// Issue 14, deliverable 3: `sent` is never silently wrong.
///
/// The printed values are what OCR made of real Outlook, Gmail, Apple Mail and RFC 2822
/// header lines on scanned printouts: damaged AM/PM, damaged day names, letters for digits.
/// A value that can be read is read through the segmenter; one whose hour cannot be told
/// (a 12-hour time whose AM/PM is lost) or whose weekday disagrees with its date is null,
/// keeps its printed form, and says why for `private/review-sent.tsv`.
@Suite struct SentDateOCRTests {
    private func sent(_ printed: String) -> Communication? {
        let doc = document([
            [
                "From: Walsh, Stephen B <Stephen.Walsh@ice.dhs.gov>", "Sent: \(printed)",
                "To: Kelly, Sean <sean.kelly@pd.boston.gov>", "Subject: RE: pickup tonight",
                "He is being released at 1900 from D4, pls advise.",
            ]
        ])
        return defaultSegmenter.segment(doc).first
    }

    @Test(arguments: [
        // Outlook, 12-hour, AM/PM damaged.
        ("Wednesday, May 10, 2017 6:34 PM", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10, 2017 6:34 P M", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10, 2017 6:34 PIVI", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10, 2017 6:34 PM.", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10, 2017 6:34 p.m.", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10, 2017 6:34 AIVI", "2017-05-10T06:34:00-04:00"),
        ("Wednesday, May 10, 2017 12:05 AIVI", "2017-05-10T00:05:00-04:00"),
        ("Wednesday, May 10, 2017 12:05 PM", "2017-05-10T12:05:00-04:00"),
        // Day names OCR damaged, the date still checked against them.
        ("Wednesdav, May 10, 2017 2:32 PM", "2017-05-10T14:32:00-04:00"),
        ("Thursdav, March 07, 2013 3:04 PM", "2013-03-07T15:04:00-05:00"),
        ("Frlday, September 1, 2017 9:15 AM", "2017-09-01T09:15:00-04:00"),
        ("Frlday, September 1, 2017 9:15 AIVI", "2017-09-01T09:15:00-04:00"),
        // Letters for digits, stray spaces, a colon read as a semicolon.
        ("Monday, June l2, 2O17 l0:32 AM", "2017-06-12T10:32:00-04:00"),
        ("Monday, June 12, 2017 10;32 AM", "2017-06-12T10:32:00-04:00"),
        ("Monday, June 12,2017 10 : 32 AM", "2017-06-12T10:32:00-04:00"),
        ("Tuesday, January 9, 2018 4 47 PM", "2018-01-09T16:47:00-05:00"),
        // Outlook short, Gmail, iPhone, Apple, RFC 2822 and a 24-hour numeric print.
        ("Wed 5/10/2017 6:34 PM", "2017-05-10T18:34:00-04:00"),
        ("Wed, May 10, 2017 at 6:34 PM", "2017-05-10T18:34:00-04:00"),
        ("May 10, 2017, at 6:34 PM", "2017-05-10T18:34:00-04:00"),
        ("May 10, 2017 at 6:34:09 PM EDT", "2017-05-10T18:34:09-04:00"),
        ("5/10/2017 6:34:09 PM", "2017-05-10T18:34:09-04:00"),
        ("Wed, 10 May 2017 18:34:09 -0400", "2017-05-10T18:34:09-04:00"),
        ("Wed, 10 May 2017 06:34:09 -0400", "2017-05-10T06:34:09-04:00"),
        ("Wed, 10 May 2017 22:34:09 +0000", "2017-05-10T18:34:09-04:00"),
        ("5/10/2017 18:34", "2017-05-10T18:34:00-04:00"),
        ("5/10/2017 6:34", "2017-05-10T06:34:00-04:00"),
        ("10 May 2017 18:34", "2017-05-10T18:34:00-04:00"),
        // Spaces lost or added by OCR, two-digit years, a trailing speck.
        ("Wednesday,May10,2017 6:34PM", "2017-05-10T18:34:00-04:00"),
        ("Wed 5/10/17 6:34 PM", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10, 2017 6:34 PM '", "2017-05-10T18:34:00-04:00"),
        ("Wednesday, May 10th, 2017 6:34 pm", "2017-05-10T18:34:00-04:00"),
    ])
    func damagedButReadable(printed: String, iso: String) throws {
        let c = try #require(sent(printed))
        #expect(c.header.sent == iso, "\(printed)")
    }

    /// PM read as AM cannot be told apart; a lost AM/PM must not become a morning hour.
    @Test(arguments: [
        "Wednesday, May 10, 2017 6:34",
        "Wednesday, May 10, 2017 6:34 FM",
        "Wednesday, May 10, 2017 6:34 ?M",
        "Wed 5/10/2017 6:34",
        "5/10/2017 6:34:09",
        "Wed, May 10, 2017 at 11:02",
    ])
    func hourThatCannotBeToldIsNullAndListed(printed: String) throws {
        let c = try #require(sent(printed))
        #expect(c.header.sent == nil, "\(printed) must not be guessed")
        #expect(c.header.sentAsPrinted == printed)
        #expect(SentDateParser(timeZone: "America/New_York").read(printed).problem == .ambiguousHour)
    }

    /// `Thursday, May 10, 2017`: 10 May 2017 was a Wednesday, so the day or the date was misread.
    @Test(arguments: [
        "Thursday, May 10, 2017 2:32 PM",
        "Thursdav, May 16, 2017 2:32 PM",
        "Fri, 10 May 2017 14:32:05 -0400",
    ])
    func weekdayThatDisagreesWithTheDateIsNullAndListed(printed: String) throws {
        let c = try #require(sent(printed))
        #expect(c.header.sent == nil)
        #expect(SentDateParser(timeZone: "America/New_York").read(printed).problem == .weekdayMismatch)
    }

    /// A whole file of values that came out null before: OCR ran the date together and
    /// read the year's zero as a letter.
    @Test func aScannedFileOfSentLinesReadsEveryOne() throws {
        let printed = [
            ("Tuesday, October 3, 2O17 11:48 AM", "2017-10-03T11:48:00-04:00"),
            ("Tuesday, October3, 2017 1:05 PIVI", "2017-10-03T13:05:00-04:00"),
            ("Wednesday, October 4,2017 7:5O AM", "2017-10-04T07:50:00-04:00"),
            ("Thursdav, October O5, 2017 4:12 P.M.", "2017-10-05T16:12:00-04:00"),
        ]
        for (value, iso) in printed {
            #expect(try #require(sent(value)).header.sent == iso, "\(value)")
        }
    }
}
