/// Whether a page is read from its text layer or OCR'd, and why.
///
/// The reason is part of the value so that it reaches `pages.jsonl`: a reviewer who wonders
/// why a page's text looks like OCR output can read the decision instead of guessing.
public struct OCRDecision: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable {
        case useTextLayer = "text"
        case ocr
    }

    public var action: Action
    public var reason: String

    public init(_ action: Action, reason: String) {
        self.action = action
        self.reason = reason
    }

    public static func useTextLayer(_ reason: String) -> OCRDecision { OCRDecision(.useTextLayer, reason: reason) }
    public static func ocr(_ reason: String) -> OCRDecision { OCRDecision(.ocr, reason: reason) }
}

/// The pipeline file's `extraction.ocr` setting.
public enum OCRPolicy: String, Sendable, CaseIterable, Codable {
    /// Decide per page from what the text layer looks like.
    case auto
    /// OCR every page, ignoring any text layer.
    case always
    /// Never OCR; pages without a text layer come out empty.
    case never
}
