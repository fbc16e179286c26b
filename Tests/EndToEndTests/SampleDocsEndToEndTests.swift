import FoiaTestSupport
import Foundation
import Testing

/// Runs the binary on a committed sample dump and checks the reviewer's communications
/// against the generator's truth file: page ranges, headers, Bates ranges, the agency's
/// existing redaction boxes and codes, duplicates.
@Suite struct SampleDocsEndToEndTests {
    static let name = "ice-foia-2019-ICFO-18233"

    @Test func mixedReleaseIsSegmentedAsItsTruthSays() throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("SampleDocs")
        let out = temporaryFolder("e2e-sample")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runProcess(
            Fixtures.binary, ["run", root.appendingPathComponent(Self.name + ".pdf").path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let truthData = try Data(contentsOf: root.appendingPathComponent(Self.name + ".truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
        let expected = try #require(truth["communications"] as? [[String: Any]])
        let text = try String(contentsOfFile: out.path + "/private/communications.jsonl", encoding: .utf8)
        let records = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == expected.count)
        for (want, got) in zip(expected, records) {
            let source = try #require(got["source"] as? [String: Any])
            let page = want["page_start"] as? Int ?? 0
            #expect(source["page_start"] as? Int == page)
            #expect(source["page_end"] as? Int == want["page_end"] as? Int, "page \(page)")
            #expect(got["kind"] as? String == want["kind"] as? String, "page \(page)")
            #expect(source["bates_start"] as? String == want["bates_start"] as? String, "page \(page)")
            let header = try #require(got["header"] as? [String: Any])
            if let sent = want["sent"] as? String {
                #expect((header["sent"] as? String)?.prefix(16) == sent.prefix(16), "page \(page)")
            }
            let wantBoxes = (want["existing_redactions"] as? [String: Any])?["boxes"] as? Int ?? 0
            let gotRedactions = try #require(got["existing_redactions"] as? [String: Any])
            #expect(gotRedactions["boxes"] as? Int == wantBoxes, "boxes on the communication at page \(page)")
            let wantCodes = Set((want["existing_redactions"] as? [String: Any])?["codes"] as? [String] ?? [])
            let gotCodes = Set(gotRedactions["codes"] as? [String] ?? [])
            #expect(gotCodes.isSubset(of: wantCodes), "no code the page does not print, page \(page)")
        }
    }
}
