import Foundation
import Output
import Testing

/// Issue 16 item 7: `foiapipe counts` reads a run folder through Output, not the CLI.
@Suite struct CountsSourceTests {
    func runFolder(_ lines: [String], in name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(name)-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir + "/public", withIntermediateDirectories: true)
        try Data(lines.joined(separator: "\n").utf8).write(
            to: URL(fileURLWithPath: dir + "/public/communications.jsonl"))
        return dir
    }

    @Test func readsOffensesDetainerDuplicatesAndMonth() throws {
        let dir = try runFolder(
            [
                #"{"id":"a","header":{"sent":"2017-05-10T14:32:00-04:00"},"offenses":[{"category":"assault","level":"felony"}],"detainer":{"present":true}}"#,
                #"{"id":"b","offenses":[],"detainer":{"present":false},"duplicate_of":"a"}"#,
            ], in: "ok")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = try CountsSource.read(runFolder: dir)
        #expect(source.isClassified)
        #expect(source.entries.count == 2)
        #expect(source.entries[0].detainer && !source.entries[0].isDuplicate)
        #expect(source.entries[1].isDuplicate)
        #expect(source.grouped[0].month == "2017-05")
        #expect(CountsTable(source.entries).total == 1)
    }

    @Test func aDamagedLineIsNamed() throws {
        let dir = try runFolder([#"{"id":"a"}"#, "{not json"], in: "damaged")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect {
            try CountsSource.read(runFolder: dir)
        } throws: { error in
            "\(error)".contains("line 2")
        }
    }

    @Test func aFolderWithoutARunIsNamed() {
        #expect {
            try CountsSource.read(runFolder: "/nonexistent-run")
        } throws: { error in
            "\(error)".contains("no communications.jsonl")
        }
    }
}
