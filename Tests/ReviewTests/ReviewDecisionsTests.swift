import FoiaCore
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

@Suite struct ReviewUndoAndWithholdTests {
    @Test func anUndoCancelsTheLineItNamesAndTheFileStaysAppendOnly() {
        var problems: [String] = []
        let d = ReviewDecisions(
            jsonLines: """
                {"decision":"box","id":"d1","path":"a.pdf","page":3,"boxes":[[10,10,50,30]]}
                {"decision":"box","id":"d2","path":"a.pdf","page":3,"boxes":[[60,10,90,30]]}
                {"decision":"add","id":"d3","path":"a.pdf","text":"Guatemala","type":"other_identifier"}
                {"decision":"withhold","id":"d4","path":"a.pdf","page":2}
                {"decision":"withhold","id":"d5","path":"a.pdf","page":5}
                {"decision":"undo","id":"d6","of":"d2"}
                {"decision":"undo","id":"d7","of":"d3"}
                {"decision":"undo","id":"d8","of":"d5"}
                {"decision":"undo","id":"d9"}
                """, problems: &problems)
        #expect(problems.count == 1 && problems[0].hasPrefix("line 9:"), "\(problems)")
        #expect(d.boxes["a.pdf"]?[3] == [Box(x0: 10, y0: 10, x1: 50, y1: 30)], "the undone area is gone")
        #expect(d.areas["a.pdf"]?[3]?.map(\.id) == ["d1"])
        #expect(d.allAdditions.isEmpty, "the undone addition is gone")
        #expect(d.withheld(in: "a.pdf") == [2])
        #expect(d.withheldPages["a.pdf"]?[2] == "d4")
        #expect(d.undone == ["d2", "d3", "d5"])
    }

    @Test func addedStringsAreCompiledOnceAndTheLongestWins() throws {
        let d = ReviewDecisions(
            jsonLines: """
                {"decision":"add","path":"a.pdf","text":"blue heron","type":"other_identifier"}
                {"decision":"add","path":"b.pdf","text":"Blue  Heron Lodge","type":"address"}
                {"decision":"add","path":"a.pdf","text":"C-4411 (x)","type":"other_identifier"}
                """)
        let registry = EntityRegistry().applying(d).scoped(to: "a.pdf")
        let rules = try PIIRules.load(directory: Fixtures.repositoryRoot.appendingPathComponent("Pipelines/pii").path)
        let redactor = Redactor(rules: rules, key: Array(repeating: 7, count: 32))
        let c = Communication(
            id: "c1", kind: .document, path: "a.pdf", sha256: "", pageStart: 1, pageEnd: 1, lineStart: 0, ocr: false,
            header: MessageHeader(), quoted: [],
            body: "Met at the BLUE HERON\nLODGE, then Blue Heron alone, Blue Herons not, and c-4411 (X) here.")
        let body = redactor.redact(c, registry: registry).communication.body
        #expect(!body.contains("LODGE"), "the longer addition wins over its first words: \(body)")
        #expect(body.contains("[ADDRESS]"), "\(body)")
        #expect(!body.contains("Blue Heron alone"), "\(body)")
        #expect(body.contains("Blue Herons not"), "a word that only starts like an addition stays: \(body)")
        #expect(!body.contains("4411"), "\(body)")
    }

    static func message(pages: ClosedRange<Int>, lines: [(String, Int)], quoted: [QuotedHeader] = []) -> Communication {
        var c = Communication(
            id: "c1", kind: .email, path: "a.pdf", sha256: "", pageStart: pages.lowerBound, pageEnd: pages.upperBound,
            lineStart: 0, ocr: false, header: MessageHeader(), quoted: quoted, body: lines.map(\.0).joined(separator: "\n"))
        c.bodyLinePages = lines.map(\.1)
        c.bodyLineRoles = lines.map { _ in .body }
        return c
    }

    @Test func aMessageStartingOnAWithheldPageIsWithheldWhole() {
        let c = Self.message(pages: 2...3, lines: [("Dear Ana,", 2), ("see below", 3)])
        #expect(Withholding.apply(c, withheld: [2]) == nil)
        #expect(Withholding.apply(c, withheld: [7])?.body == c.body, "a page it does not touch changes nothing")
    }

    @Test func aMessageRunningOntoAWithheldPageKeepsItsOtherPagesWithAMarker() throws {
        let c = Self.message(
            pages: 2...4,
            lines: [
                ("Dear Ana,", 2), ("the list follows.", 2), ("From: Rosa Quintero", 3), ("Subject: arrest list", 3),
                ("ROUSH, DEBORAH 12/05/1977", 3), ("Regards, Sgt. Kelly", 4),
            ],
            quoted: [QuotedHeader(from: "Rosa Quintero", subject: "arrest list")])
        let cut = try #require(Withholding.apply(c, withheld: [3]))
        #expect(cut.body == "Dear Ana,\nthe list follows.\n[PAGE 3 WITHHELD]\nRegards, Sgt. Kelly")
        #expect(cut.bodyLinePages == [2, 2, 3, 4])
        #expect(cut.bodyLineRoles.count == 4)
        #expect(cut.quoted.isEmpty, "a quoted header read off the withheld page goes with it")
        #expect(cut.pageStart == 2 && cut.pageEnd == 4, "the page numbers stay the source's")
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
                {"decision":"redraw","path":"a.pdf","page":2}
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

extension ReviewDecisionsFileTests {
    /// Withholding page 1 and drawing then undoing an area, by decision lines, and running
    /// the run's command again: page 1 is covered in the copy, its message is gone from the
    /// records and the counts, the undone area is not burned in, and `verify` is clean; with
    /// the source put back in place of the copy, `verify` fails on the withheld page.
    @Test func aWithheldPageIsCoveredLeftOutOfTheRecordsAndRequiredBlankByVerify() throws {
        let dir = try ReviewFixture.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("private/decisions.jsonl").path
        let before = try String(contentsOf: dir.appendingPathComponent("public/communications.jsonl"), encoding: .utf8)
        try """
            {"decision":"withhold","id":"w1","path":"\(ReviewFixture.document)","page":1,"scope":"page"}
            {"decision":"box","id":"b1","path":"\(ReviewFixture.document)","page":2,"boxes":[[0,0,612,792]],"scope":"page"}
            {"decision":"undo","id":"u1","of":"b1"}

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try runProcess(Fixtures.binary, ["run", ReviewFixture.input, "--out", dir.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let after = try String(contentsOf: dir.appendingPathComponent("public/communications.jsonl"), encoding: .utf8)
        let ids = { (t: String) in
            t.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            }
        }
        #expect(ids(after).count == ids(before).count - 1, "the message on page 1 is withheld whole")
        #expect(!after.contains("\"page_start\":1,"), "\(after.prefix(400))")
        let printed = try WithheldWords.printed(after)
        for word in try WithheldWords.only(
            on: 1, of: ReviewFixture.document, pagesFile: dir.appendingPathComponent("private/pages.jsonl"))
        {
            #expect(!printed.contains(word), "'\(word)', printed only on the withheld page, is published")
        }
        let copy = dir.path + "/public/redacted/" + ReviewFixture.document
        let page1 = try runProcess("/usr/bin/pdftotext", ["-f", "1", "-l", "1", copy, "-"]).stdout
        #expect(page1.trimmingCharacters(in: .whitespacesAndNewlines) == WithheldNotice.reviewLabel)
        let page2 = try runProcess("/usr/bin/pdftotext", ["-f", "2", "-l", "2", copy, "-"]).stdout
        #expect(page2.count > 100, "the undone whole-page area is not applied: \(page2)")
        let audit = try String(contentsOf: dir.appendingPathComponent("private/audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"rule\":\"reviewer_withheld\""))
        #expect(!audit.contains("\"rule\":\"reviewer_box\""))
        let verify = try runProcess(Fixtures.binary, ["verify", dir.path, "--no-ocr"])
        #expect(verify.status == 0, "\(verify.stdout)")

        // The source in place of the copy shows page 1's text: verify must fail on it.
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: ReviewFixture.input, toPath: copy)
        let tampered = try runProcess(Fixtures.binary, ["verify", dir.path, "--no-ocr"])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("PROBLEM withheld page shown in redacted/\(ReviewFixture.document) page 1"),
            "\(tampered.stdout)")
    }
}
