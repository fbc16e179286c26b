import FoiaTestSupport
import Foundation
import Testing

/// Runs the binary on a committed sample dump and checks what it publishes: no private
/// person's identifier from the generator's truth file anywhere under `public/`, every one
/// of them in the private audit, officials' names kept, and the same bytes on a second run.
@Suite struct PublicOutputEndToEndTests {
    static let name = "ice-foia-2019-ICFO-18233"

    func jsonLines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Every string value of a JSON tree, so a leak in any field is found.
    func strings(_ value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(strings)
        case let d as [String: Any]: d.values.flatMap(strings)
        default: []
        }
    }

    func squeezed(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func publishedRecordsHoldNoTruthPIIAndRunAgainByteForByte() throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("SampleDocs")
        let out = temporaryFolder("e2e-public")
        defer { try? FileManager.default.removeItem(at: out) }
        let input = root.appendingPathComponent(Self.name + ".pdf").path
        let first = try runProcess(Fixtures.binary, ["run", input, "--out", out.path, "--quiet", "--jobs", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        let published = try String(contentsOfFile: out.path + "/public/communications.jsonl", encoding: .utf8)

        let truthData = try Data(contentsOf: root.appendingPathComponent(Self.name + ".truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
        let pii = try #require(truth["pii"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(pii.count >= 3)
        let publicText = try jsonLines(out.path + "/public/communications.jsonl").flatMap(strings).map(squeezed)
            .joined(separator: "\n")
        for s in pii {
            #expect(!publicText.contains(squeezed(s)), "leaked: \(s)")
        }
        let audit = try jsonLines(out.path + "/private/audit.jsonl")
        let audited = Set(audit.compactMap { $0["original"] as? String }.map(squeezed))
        for s in pii {
            #expect(audited.contains { $0.contains(squeezed(s)) || squeezed(s).contains($0) }, "not in the audit: \(s)")
        }
        for a in audit {
            #expect(a["path"] as? String == Self.name + ".pdf")
            #expect(a["rule"] is String && a["type"] is String && a["placeholder"] is String)
        }
        // Officials acting in office stay named.
        let keep = try #require(truth["keep"] as? [[String: Any]])
        let officials = keep.filter { ($0["kind"] as? String) == "official_name" }.compactMap { $0["text"] as? String }
        for name in officials {
            #expect(publicText.contains(squeezed(name)), "official blacked out: \(name)")
        }
        let records = try jsonLines(out.path + "/public/communications.jsonl")
        #expect(records.contains { ($0["redactions"] as? [String: Int])?["person_name", default: 0] ?? 0 > 0 })

        // The key stays private and is reused: a second run publishes the same bytes.
        let keyPath = out.path + "/private/pseudonym.key"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try runProcess(Fixtures.binary, ["run", input, "--out", out.path, "--quiet", "--jobs", "1"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try String(contentsOfFile: out.path + "/public/communications.jsonl", encoding: .utf8) == published)
        #expect(!FileManager.default.fileExists(atPath: out.path + "/private/work"), "work files are removed")
    }
}
