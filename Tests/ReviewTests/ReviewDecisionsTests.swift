import FoiaTestSupport
import Foundation
import Redaction
import Testing

@Suite struct ReviewDecisionsTests {
    @Test func laterDecisionsOverrideEarlierOnes() {
        let d = ReviewDecisions(
            jsonLines: """
                {"decision":"remove","path":"a.pdf","text":"12-12-99"}
                {"decision":"remove","path":"a.pdf","text":"XOL,  SONIA"}
                {"decision":"keep","path":"a.pdf","text":"xol, sonia"}
                {"decision":"official","identity":"leandro moraes"}
                {"decision":"join","identity":"sonia xol","into":"mei huang"}
                {"decision":"join","identity":"mei huang","into":"sonia xol"}
                """)
        #expect(d.removed["a.pdf"] == ["12-12-99"])
        #expect(d.officials == ["leandro moraes"])
        #expect(d.canonical("sonia xol") == "mei huang")
        #expect(d.canonical("mei huang") == "mei huang", "a join back is no cycle")
        #expect(d.count == 6)
    }
}

@Suite struct ReviewDecisionsFileTests {
    @Test func keepingAnAddedRedactionKeepsItAndRemovingItTakesItBack() {
        let add = #"{"decision":"add","path":"a.pdf","text":"Guatemala","type":"other_identifier"}"#
        let kept = ReviewDecisions(jsonLines: add + "\n" + #"{"decision":"keep","path":"a.pdf","text":"guatemala"}"#)
        #expect(kept.allAdditions.map(\.text) == ["Guatemala"])
        let taken = ReviewDecisions(jsonLines: add + "\n" + #"{"decision":"remove","path":"a.pdf","text":"Guatemala"}"#)
        #expect(taken.allAdditions.isEmpty)
    }

    @Test func splitUndoesAJoinAndUnknownDecisionsAreReported() {
        var problems: [String] = []
        let d = ReviewDecisions(
            jsonLines: """
                {"decision":"join","identity":"zhou","into":"wei zhou"}
                {"decision":"split","identity":"zhou"}
                {"decision":"withhold","path":"a.pdf","page":2}
                not json
                """, problems: &problems)
        #expect(d.canonical("zhou") == "zhou")
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.hasPrefix("line 3:") ?? false)
    }

    @Test func aDecisionLineTheRunCannotReadStopsTheRunWithStatus2() throws {
        let dir = try ReviewFixture.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("private/decisions.jsonl").path
        try "{\"decision\":\"remove\",\"path\":\"x.pdf\"}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: dir.appendingPathComponent("public/communications.jsonl"))
        let r = try runProcess(Fixtures.binary, ["run", ReviewFixture.input, "--out", dir.path, "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("decisions.jsonl: line 1"), "\(r.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("public/communications.jsonl")) == before)
    }
}
