import FoiaTestSupport
import Foundation
import Testing

/// A 287(g) Warrant Service Officer agreement: pages of detainer, warrant and form vocabulary
/// (Warrant for Arrest of Alien, Warrant of Removal/Deportation, "serve and execute warrants")
/// that lodge no detainer on anyone and attribute no offense to anyone.
@Suite struct PolicyDocumentEndToEndTests {
    static let agreement = Fixtures.realDocs?.appendingPathComponent("ice-287g-warrant-service-moa-sheriff-native.pdf")

    @Test(
        .enabled(
            if: agreement.map { FileManager.default.fileExists(atPath: $0.path) } ?? false,
            "skipped: ../shared/realdocs/ice-287g-warrant-service-moa-sheriff-native.pdf is absent"))
    func agreementIsNoDetainerAndListsNoOffense() throws {
        let input = try #require(Self.agreement)
        let out = temporaryFolder("e2e-287g")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runProcess(
            Fixtures.binary,
            ["run", input.path, "--out", out.path, "--pipeline", Fixtures.defaultPipeline, "--jobs", "1", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: out.path + "/public/communications.jsonl", encoding: .utf8)
        let records = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(!records.isEmpty)
        for record in records {
            let detainer = record["detainer"] as? [String: Any]
            #expect(detainer?["present"] as? Bool == false, "\(detainer ?? [:])")
            #expect((detainer?["forms"] as? [Any])?.isEmpty == true)
            #expect(detainer?["decided_by"] == nil, "the explanation quotes unredacted text: private only")
            #expect((record["offenses"] as? [Any])?.isEmpty == true, "\(record["offenses"] ?? [])")
            #expect(record["severity"] as? String == "none")
        }
        // The reviewer's copy says which sentence was set aside.
        let privateText = try String(contentsOfFile: out.path + "/private/communications.jsonl", encoding: .utf8)
        #expect(privateText.contains("\"decided_by\""))
    }
}
