import FoiaCore
import FoiaTestSupport
import Foundation
import Segmentation
import Testing

/// The roles segmentation gives the body lines nobody wrote for the message: signatures,
/// confidentiality footers and forms (patterns from the default pipeline file), and the owner
/// line on top of a page.
@Suite struct BodyStructureTests {
    func roles(_ lines: [String]) -> [LineRole.Kind] {
        defaultSegmenter.roles(ofBody: lines).map(\.kind)
    }

    /// Chicago part 1: a signature without a closing (name, titles, contact lines), then the
    /// city's four-line footer, then a quoted header.
    @Test func signatureAndFooterOfAChicagoReply() throws {
        let body = [
            "haha", "this should take 3 minutes", "Cmdr Jonathan H. Lewin", "Managing Deputy Director",
            "Public Safety Information Technology", "Chicago Police/ OEMC", "Voice: 312-746-9205",
            "Facsimile: 312-745-6990", "24 Hr Help Desk: 312-744-DATA", "www.ChicagoPolice.org",
            "This e-mail, and any attachments thereto, is intended only for use by the addressee(s) named herein and may contain legally privileged and/or confidential",
            "information. If you are not the intended recipient of this e-mail (or the person responsible for delivering this document to the intended recipient), you are hereby",
            "notified that any dissemination, distribution, printing or copying of this e-mail, and any attachment thereto, is strictly prohibited. If you have received this e-mail in",
            "error, please respond to the individual sending the message, and permanently delete the original and any copy of any e-mail and printout thereof.",
            "From: Martinez, Maria P.", "Sent: Thursday, March 07, 2013 1:55 PM", "Subject: RE: Asset Forfeiture",
            "Can | move to Development with Alex and Greg",
        ]
        let kinds = roles(body)
        #expect(kinds[0] == .body && kinds[1] == .body)
        #expect(kinds[2...9].allSatisfy { $0 == .signature }, "\(kinds)")
        #expect(kinds[10...13].allSatisfy { $0 == .disclaimer }, "\(kinds)")
        #expect(kinds[14] == .quotedHeader)
        #expect(kinds[17] == .body)
    }

    /// A closing starts a signature only when short lines run from it to the end of the part.
    @Test func closingLines() throws {
        let signed = roles(["He was booked at 1900.", "Thanks,", "Sean Kelly", "Sent from my iPhone"])
        #expect(signed == [.body, .signature, .signature, .signature])
        let prose = roles([
            "Thanks,", "He was arrested last night for OUI and unlicensed operation of a motor vehicle, is he wanted?",
            "Sean",
        ])
        #expect(prose[0] == .body && prose[1] == .body)
    }

    /// A body sentence that mentions confidentiality is no footer.
    @Test func proseIsNotADisclaimer() throws {
        let kinds = roles([
            "The victim asked that her address be kept confidential.", "He is charged with assault and battery.",
        ])
        #expect(kinds == [.body, .body])
    }

    /// A detainer form attached to the message: its page's lines from its title down.
    @Test func formLines() throws {
        let doc = document([
            ["From: Kelly, Sean", "Sent: Wednesday, May 10, 2017 2:32 PM", "To: Doe, Jane", "Subject: detainer", "See attached."],
            ["IMMIGRATION DETAINER - NOTICE OF ACTION", "Subject ID: 123", "Name of alien: X"],
        ])
        let c = try #require(defaultSegmenter.segment(doc).first)
        let kinds = c.bodyLineRoles.map(\.kind)
        #expect(kinds.first == .body)
        #expect(kinds.suffix(3).allSatisfy { $0 == .form }, "\(kinds)")
    }

    /// The owner's name on top of a printed page, over the header, and the page's furniture.
    @Test func ownerLineAndFurnitureOfAPage() throws {
        let doc = document([
            [
                "Little, Patricia A.", "From: Martinez", "Sent: Thursday, March 07, 2013 1:57 PM", "Subject: RE: x", "Body.",
                "RELEASED UNDER FOIA 15-3569", "Page 1 of 2",
            ]
        ])
        let kinds = defaultSegmenter.roles(of: doc.pages[0]).map(\.kind)
        #expect(kinds == [.owner, .header, .header, .header, .body, .furniture, .furniture], "\(kinds)")
    }
}
