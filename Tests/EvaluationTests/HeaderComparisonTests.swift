import Evaluation
import Testing

@Suite struct HeaderComparisonTests {
    @Test func senderMatchesDisplayNameOrWholeWordPrefix() {
        #expect(HeaderComparison.sameSender(truth: "Lewin", predicted: "Lewin, Jonathan H. <jlewin@city.gov>"))
        #expect(HeaderComparison.sameSender(truth: "Lewin, Jonathan H.", predicted: "lewin"))
        #expect(
            HeaderComparison.sameSender(truth: "jlewin@city.gov", predicted: "Lewin, Jonathan H. <jlewin@city.gov>"))
        #expect(HeaderComparison.sameSender(truth: "\"Kelly, Sean\"", predicted: "KELLY,   SEAN"))
        #expect(!HeaderComparison.sameSender(truth: "Lewin", predicted: "Lewinski, Mark"))
        #expect(!HeaderComparison.sameSender(truth: "Lewin", predicted: "Martinez"))
        #expect(!HeaderComparison.sameSender(truth: "Lewin", predicted: nil))
        #expect(HeaderComparison.sameSender(truth: nil, predicted: "  "))
    }

    @Test func recipientsCompareAsSets() {
        #expect(HeaderComparison.sameRecipients(truth: ["A B", "C D"], predicted: ["c d <cd@x.org>", "a b"]))
        #expect(!HeaderComparison.sameRecipients(truth: ["A B", "C D"], predicted: ["A B"]))
        #expect(!HeaderComparison.sameRecipients(truth: ["A B"], predicted: ["A B", "E F"]))
    }

    @Test func sentComparesToTheMinute() {
        // Without an offset in the truth, the wall-clock reading is compared.
        #expect(HeaderComparison.sameSent(truth: "2013-03-07T15:04", predicted: "2013-03-07T15:04:59-06:00"))
        #expect(!HeaderComparison.sameSent(truth: "2013-03-07T15:04", predicted: "2013-03-07T15:05:00-06:00"))
        // With offsets on both sides, instants are compared.
        #expect(HeaderComparison.sameSent(truth: "2017-05-10T14:32:00-04:00", predicted: "2017-05-10T18:32:00Z"))
        #expect(!HeaderComparison.sameSent(truth: "2017-05-10T14:32:00-04:00", predicted: "2017-05-10T14:32:00-05:00"))
        #expect(!HeaderComparison.sameSent(truth: "2017-05-10T14:32:00-04:00", predicted: "Wednesday, May 10"))
        #expect(HeaderComparison.sameSent(truth: nil, predicted: nil))
    }

    @Test func subjectsIgnoreCaseSpacingAndEndPunctuation() {
        #expect(
            HeaderComparison.sameSubject(
                truth: "Additional Crystal Report Information...", predicted: "additional  crystal report information"))
        #expect(!HeaderComparison.sameSubject(truth: "RE: Asset Forfeiture", predicted: "FW: Asset Forfeiture"))
    }
}

@Suite struct DashFoldingTests {
    @Test func dashVariantsCompareAlikeButWordsStillCount() {
        #expect(HeaderComparison.normalise("RE: DESIR – detainer") == HeaderComparison.normalise("re: desir -— detainer"))
        #expect(HeaderComparison.normalise("RE: DESIR – detainer") != HeaderComparison.normalise("RE: DESIR detainer"))
    }
}
