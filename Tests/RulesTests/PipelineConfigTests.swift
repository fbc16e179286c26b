import FoiaCore
import FoiaTestSupport
import Foundation
import Rules
import Testing

@Suite struct PipelineConfigTests {
    func write(_ text: String) throws -> String {
        let dir = temporaryFolder("rules")
        let path = dir.appendingPathComponent("pipeline.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultPipelineLoads() throws {
        let config = try PipelineConfig.load(path: Fixtures.defaultPipeline)
        #expect(config.extraction.ocr == .auto)
        #expect(config.extraction.dpi == 300)
        #expect(config.extraction.language == "eng")
    }

    @Test func settingsAreRead() throws {
        let path = try write(
            "version: 1\nextraction:\n  ocr: always\n  dpi: 200\n  find_redaction_boxes: false\n"
                + "segmentation:\n  time_zone: America/Chicago\n  header_labels:\n    from: [Von]\n    sent: [Gesendet]\n"
                + "    to: [An]\n    subject: [Betreff]\n  quote_separators: [ursprüngliche nachricht]\n")
        let config = try PipelineConfig.load(path: path)
        #expect(config.extraction.ocr == .always)
        #expect(config.extraction.dpi == 200)
        #expect(config.extraction.findRedactionBoxes == false)
        #expect(config.segmentation.timeZone == "America/Chicago")
        #expect(config.segmentation.headerLabels["from"] == ["Von"])
        #expect(config.segmentation.quoteSeparators == ["ursprüngliche nachricht"])
    }

    @Test func unknownKeyNamesFileLineAndSuggestion() throws {
        let path = try write("version: 1\nextraction:\n  ocr: auto\n  dppi: 300\n")
        let error = #expect(throws: RuleError.self) { try PipelineConfig.load(path: path) }
        let problem = try #require(error?.problems.first)
        #expect(problem.line == 4)
        #expect(problem.key == "extraction.dppi")
        #expect(problem.description.contains("did you mean 'dpi'"))
        #expect(problem.description.hasPrefix(path + ":4:"))
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let path = try write("version: 1\nextraction:\n  ocr: sometimes\n  dpi: 5000\n")
        let error = #expect(throws: RuleError.self) { try PipelineConfig.load(path: path) }
        let problems = error?.problems ?? []
        #expect(problems.count == 2)
        #expect(problems.contains { $0.key == "extraction.ocr" && $0.message.contains("auto, always, never") })
        #expect(problems.contains { $0.key == "extraction.dpi" && $0.line == 4 })
    }

    @Test func missingOrNewerVersionIsRefused() throws {
        let missing = try write("extraction:\n  ocr: auto\n")
        let e1 = #expect(throws: RuleError.self) { try PipelineConfig.load(path: missing) }
        #expect(e1?.problems.first?.key == "version")
        let newer = try write("version: 9\n")
        let e2 = #expect(throws: RuleError.self) { try PipelineConfig.load(path: newer) }
        #expect(e2?.problems.first?.message.contains("newer") == true)
    }

    @Test func badSegmentationSettingsAreNamed() throws {
        let path = try write(
            "version: 1\nsegmentation:\n  time_zone: Mars/Olympus\n  furniture:\n    - '([unclosed'\n"
                + "  header_labels:\n    sender: [Von]\n")
        let error = #expect(throws: RuleError.self) { try PipelineConfig.load(path: path) }
        let problems = error?.problems ?? []
        #expect(problems.contains { $0.key == "segmentation.time_zone" && $0.line == 3 })
        #expect(problems.contains { $0.key == "segmentation.furniture[0]" && $0.line == 5 })
        #expect(problems.contains { $0.key == "segmentation.header_labels.sender" })
        // Without a label for from, sent, to and subject no header could be found.
        #expect(problems.contains { $0.key == "segmentation.header_labels" && $0.message.contains("from, sent, to, subject") })
    }

    @Test func yamlSyntaxErrorHasALine() throws {
        let path = try write("version: 1\nextraction:\n  ocr: [auto\n")
        let error = #expect(throws: RuleError.self) { try PipelineConfig.load(path: path) }
        #expect(error?.problems.first?.line != nil)
        #expect(error?.problems.first?.message.contains("YAML") == true)
    }

    @Test func unreadableFileIsAProblem() throws {
        let error = #expect(throws: RuleError.self) { try PipelineConfig.load(path: "/nonexistent/pipeline.yaml") }
        #expect(error?.description.contains("cannot read") == true)
    }
}
