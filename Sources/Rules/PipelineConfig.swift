import FoiaCore
import Foundation
import Yams

/// The extraction stage's settings (`extraction:` in the pipeline file).
public struct ExtractionConfig: Sendable, Hashable, Codable {
    /// Force OCR on or off, or let each page decide.
    public var ocr: OCRPolicy = .auto
    /// Render resolution for OCR; tesseract is trained on text of about 10–12 px x-height,
    /// which 300 dpi gives for 10–12 pt print.
    public var dpi: Int = 300
    /// Tesseract language(s), as `eng` or `eng+spa`.
    public var language: String = "eng"
    /// A word list, one word a line, used to judge whether a text layer reads as language.
    public var dictionary: String = "/usr/share/dict/words"
    /// Share of dictionary words below which a text layer with no scan under it is glyph garbage.
    public var minDictionaryRatio: Double = 0.5
    /// Search rendered pages for the agency's redaction boxes (scans always; text pages only
    /// when they print an exemption code). Costs a low-resolution render of such text pages.
    public var findRedactionBoxes = true
    /// A page needing more pixels than this at `dpi` is rendered at a lower resolution.
    public var maxRenderPixels: Int = 80_000_000

    public init() {}
}

/// The segmentation stage's settings (`segmentation:` in the pipeline file).
public struct SegmentationConfig: Sendable, Hashable {
    /// Zone of the printed times, for their ISO 8601 offset (daylight saving included).
    public var timeZone = "America/New_York"
    /// Header labels, by field (`from`, `sent`, `to`, `cc`, `bcc`, `subject`, `attachments`,
    /// `importance`): the only place label words come from. `from`, `sent`, `to` and `subject`
    /// need at least one each.
    public var headerLabels: [String: [String]] = [:]
    /// Words of the lines that open a quoted or forwarded message (`Original Message`,
    /// `Forwarded message`), matched on their letters only, so any dashes, soft hyphens or
    /// underscores around them are allowed.
    public var quoteSeparators: [String] = []
    /// Prefixes a reply or forward puts before a subject (`RE`, `FW`): a line starting with one
    /// and a colon prints a subject (a memo's `RE:` line, a printout's title).
    public var replyPrefixes: [String] = []
    /// Regular expressions for lines that are page furniture (stamps, banners), removed from bodies.
    public var furniture: [String] = []
    /// Regular expressions finding Bates numbers on a page; group 1 if present, else the match.
    public var bates: [String] = []
    /// Regular expressions for a line opening a confidentiality footer (`This e-mail … is
    /// intended only for …`): the line and the rest of its paragraph get the disclaimer role.
    public var disclaimers: [String] = []
    /// Regular expressions for a closing line (`Thanks,`, `Regards`): the short lines from it to
    /// the end of the message part get the signature role.
    public var signatureClosings: [String] = []
    /// Regular expressions for a signature's contact lines (a phone or fax line, an e-mail or web
    /// address, `Sent from my iPhone`): with the name and title lines above them, a signature.
    public var signatureLines: [String] = []
    /// Regular expressions for a line naming a form or record (`IMMIGRATION DETAINER`): the
    /// body lines from it to the foot of its page get the form role.
    public var formTitles: [String] = []

    public init() {}

    public static let fields = ["from", "sent", "to", "cc", "bcc", "subject", "attachments", "importance"]
    /// The fields every pipeline must label: without them no message header can be found.
    public static let requiredFields = ["from", "sent", "to", "subject"]
}

/// A loaded, validated pipeline file.
public struct PipelineConfig: Sendable {
    /// Where the pipeline was loaded from, for messages.
    public var path: String
    public var extraction = ExtractionConfig()
    public var segmentation = SegmentationConfig()

    public init(path: String) {
        self.path = path
    }

    public static let supportedVersion = 1

    /// Loads and validates a pipeline file, collecting every problem before failing.
    public static func load(path: String) throws(RuleError) -> PipelineConfig {
        let reader = ConfigReader(file: path)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RuleError([RuleProblem(file: path, line: nil, key: "", message: "cannot read the pipeline file")])
        }
        var config = PipelineConfig(path: path)
        guard let root = reader.compose(text) else { throw RuleError(reader.problems) }
        let top = reader.mapping(root, "", allowed: ["version", "extraction", "segmentation"])
        reader.checkVersion(top, supported: supportedVersion, root: root)
        if let node = top["extraction"] {
            config.extraction = readExtraction(node, reader: reader)
        }
        if let node = top["segmentation"] {
            config.segmentation = readSegmentation(node, reader: reader)
        }
        if !reader.problems.isEmpty { throw RuleError(reader.problems) }
        return config
    }

    private static func readSegmentation(_ node: Node, reader: ConfigReader) -> SegmentationConfig {
        var c = SegmentationConfig()
        let e = reader.mapping(node, "segmentation", allowed: [
                "time_zone", "header_labels", "quote_separators", "reply_prefixes", "furniture", "bates",
                "disclaimers", "signature_closings", "signature_lines", "form_titles",
            ])
        if let v = reader.string(e["time_zone"], "segmentation.time_zone") {
            if TimeZone(identifier: v) == nil {
                reader.report(e["time_zone"], "segmentation.time_zone", "unknown time zone '\(v)' (e.g. America/New_York)")
            } else {
                c.timeZone = v
            }
        }
        if let labels = e["header_labels"] {
            let m = reader.mapping(labels, "segmentation.header_labels", allowed: Set(SegmentationConfig.fields))
            for (field, list) in m {
                c.headerLabels[field] = reader.strings(list, "segmentation.header_labels.\(field)")
            }
        }
        let missing = SegmentationConfig.requiredFields.filter { c.headerLabels[$0]?.isEmpty ?? true }
        if !missing.isEmpty {
            reader.report(
                e["header_labels"] ?? node, "segmentation.header_labels",
                "needs at least one label for \(missing.joined(separator: ", ")) (e.g. from: [From])")
        }
        if let list = e["quote_separators"] {
            c.quoteSeparators = reader.strings(list, "segmentation.quote_separators")
        }
        if let list = e["reply_prefixes"] {
            c.replyPrefixes = reader.strings(list, "segmentation.reply_prefixes")
            for (i, p) in c.replyPrefixes.enumerated() where p.isEmpty || !p.allSatisfy(\.isLetter) || p.count > 5 {
                reader.report(
                    reader.sequence(list, "segmentation.reply_prefixes")[i], "segmentation.reply_prefixes[\(i)]",
                    "a reply prefix is one to five letters, without its colon (e.g. RE), not '\(p)'")
            }
        }
        c.furniture = regexes(e["furniture"], "segmentation.furniture", reader: reader)
        c.bates = regexes(e["bates"], "segmentation.bates", reader: reader)
        c.disclaimers = regexes(e["disclaimers"], "segmentation.disclaimers", reader: reader)
        c.signatureClosings = regexes(e["signature_closings"], "segmentation.signature_closings", reader: reader)
        c.signatureLines = regexes(e["signature_lines"], "segmentation.signature_lines", reader: reader)
        c.formTitles = regexes(e["form_titles"], "segmentation.form_titles", reader: reader)
        return c
    }

    /// Reads a list of regular expressions, reporting each one that does not compile.
    static func regexes(_ node: Node?, _ path: String, reader: ConfigReader) -> [String] {
        var out: [String] = []
        for (i, item) in reader.sequence(node, path).enumerated() {
            guard let pattern = reader.string(item, "\(path)[\(i)]") else { continue }
            do {
                _ = try NSRegularExpression(pattern: pattern)
                out.append(pattern)
            } catch {
                reader.report(item, "\(path)[\(i)]", "invalid regular expression '\(pattern)'")
            }
        }
        return out
    }

    private static func readExtraction(_ node: Node, reader: ConfigReader) -> ExtractionConfig {
        var c = ExtractionConfig()
        let e = reader.mapping(
            node, "extraction",
            allowed: [
                "ocr", "dpi", "language", "dictionary", "min_dictionary_ratio", "max_render_pixels",
                "find_redaction_boxes",
            ])
        if let v = reader.choice(e["ocr"], "extraction.ocr", as: OCRPolicy.self) { c.ocr = v }
        if let v = reader.int(e["dpi"], "extraction.dpi", in: 72...600) { c.dpi = v }
        if let v = reader.string(e["language"], "extraction.language") {
            if v.isEmpty || v.contains(where: { !($0.isLetter || $0 == "+" || $0 == "_") }) {
                reader.report(e["language"], "extraction.language", "expected tesseract language codes such as 'eng'")
            } else {
                c.language = v
            }
        }
        if let v = reader.string(e["dictionary"], "extraction.dictionary") {
            let resolved = resolve(v, relativeTo: reader.file)
            if FileManager.default.isReadableFile(atPath: resolved) {
                c.dictionary = resolved
            } else {
                reader.report(e["dictionary"], "extraction.dictionary", "cannot read word list '\(v)'")
            }
        }
        if let v = reader.double(e["min_dictionary_ratio"], "extraction.min_dictionary_ratio", in: 0...1) {
            c.minDictionaryRatio = v
        }
        if let node = e["find_redaction_boxes"] {
            if let v = node.bool {
                c.findRedactionBoxes = v
            } else {
                reader.report(node, "extraction.find_redaction_boxes", "expected true or false")
            }
        }
        if let v = reader.int(e["max_render_pixels"], "extraction.max_render_pixels", in: 1_000_000...1_000_000_000) {
            c.maxRenderPixels = v
        }
        return c
    }

    /// Paths in a pipeline file are relative to the file, so a pipeline folder can be moved whole.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        return dir.appendingPathComponent(path).standardizedFileURL.path
    }
}
