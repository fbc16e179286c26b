import Batch
import FoiaCore
import Testing

/// `private/review-sent.tsv`: a `Sent:` that was printed but is null in the record is listed
/// with why, so a reviewer can set the hour the pipeline would not guess.
@Suite struct SentReviewListingTests {
    func communication(sent: String?, printed: String?) -> Communication {
        var header = MessageHeader()
        header.sent = sent
        header.sentAsPrinted = printed
        return Communication(
            id: "c1", kind: .email, path: "dump/part 1.pdf", sha256: "", pageStart: 4, pageEnd: 4, lineStart: 0,
            ocr: true, header: header, quoted: [], body: "")
    }

    @Test func anHourThatCannotBeToldIsListed() throws {
        let line = try #require(SentReviewListing.line(communication(sent: nil, printed: "Wednesday, May 10, 2017 6:34 FM")))
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == SentReviewListing.header.split(separator: "\t").count)
        #expect(fields[0] == "ambiguous_hour")
        #expect(fields[1] == "dump/part 1.pdf")
        #expect(fields[2] == "4")
        #expect(fields[4] == "header.sent")
        #expect(fields[5] == "Wednesday, May 10, 2017 6:34 FM")
    }

    @Test func aWeekdayOffTheDateIsListed() throws {
        let line = try #require(SentReviewListing.line(communication(sent: nil, printed: "Thursday, May 10, 2017 2:32 PM")))
        #expect(line.hasPrefix("weekday_mismatch\t"))
    }

    @Test func aReadDateOrNoneIsNotListed() {
        #expect(SentReviewListing.line(communication(sent: "2017-05-10T18:34:00-04:00", printed: "5/10/2017 6:34 PM")) == nil)
        #expect(SentReviewListing.line(communication(sent: nil, printed: nil)) == nil)
    }
}
