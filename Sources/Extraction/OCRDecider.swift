import FoiaCore

/// Decides per page whether the text layer can be trusted or the page must be OCR'd.
///
/// The cases come from real releases: pages scanned with no text layer; a Bates number or
/// FOIA stamp added as text over a full-page scan; text layers whose glyphs map to garbage;
/// and invisible layers from an earlier OCR tool that read the scan poorly. Each branch
/// returns its reason so the choice can be audited page by page.
public struct OCRDecider: Sendable {
    public var policy: OCRPolicy
    public var minDictionaryRatio: Double

    /// Below this many characters, text over a full-page image is a stamp, not the page's text.
    public static let stampCharacters = 120
    /// A text layer with at least this share of dictionary words is trusted even over a scan
    /// (a good earlier OCR layer); below it, a scan under the text means the layer is re-read.
    public static let clearlyLanguage = 0.9
    /// Below this many characters a well-reading text layer may still be only what a court or
    /// agency printed over a scan (an ECF header, a "REDACTED VERSION" banner, an exhibit
    /// footer: 140–250 characters of real words), so the page is checked for a scan under it.
    public static let pageOfTextCharacters = 600
    /// An image covering this share of the page is treated as a scan.
    public static let scanCoverage = 0.5

    public init(policy: OCRPolicy, minDictionaryRatio: Double) {
        self.policy = policy
        self.minDictionaryRatio = minDictionaryRatio
    }

    /// - Parameter imageCoverage: computed lazily, because finding images re-reads the page's
    ///   content and most text pages are decided without it.
    public func decide(quality: TextQuality, imageCoverage: () -> Double) -> OCRDecision {
        switch policy {
        case .always: return .ocr("pipeline forces OCR (extraction.ocr: always)")
        case .never: return .useTextLayer("pipeline forbids OCR (extraction.ocr: never)")
        case .auto: break
        }
        if quality.characters == 0 {
            return .ocr("no text layer")
        }
        if quality.badCharacterRatio > 0.2 {
            return .ocr(
                "unreadable text layer: \(percent(quality.badCharacterRatio)) control or private-use characters")
        }
        if quality.wordTokens >= 5 && quality.dictionaryRatio >= OCRDecider.clearlyLanguage
            && quality.characters >= OCRDecider.pageOfTextCharacters
        {
            return .useTextLayer(
                "text layer reads well (\(quality.characters) characters, \(percent(quality.dictionaryRatio)) dictionary words)")
        }
        let coverage = imageCoverage()
        if coverage >= OCRDecider.scanCoverage {
            if quality.characters < OCRDecider.stampCharacters {
                return .ocr(
                    "text layer of \(quality.characters) characters (a stamp or Bates number) over an image covering \(percent(coverage)) of the page"
                )
            }
            if quality.characters < OCRDecider.pageOfTextCharacters {
                return .ocr(
                    "text layer of \(quality.characters) characters (a header, banner or footer) over an image covering \(percent(coverage)) of the page"
                )
            }
            return .ocr(
                "text layer over a scan reads poorly (\(percent(quality.dictionaryRatio)) dictionary words): an earlier OCR layer"
            )
        }
        if quality.wordTokens >= 5 && quality.dictionaryRatio >= OCRDecider.clearlyLanguage
            && quality.characters >= OCRDecider.stampCharacters
        {
            return .useTextLayer(
                "text layer reads well (\(quality.characters) characters, \(percent(quality.dictionaryRatio)) dictionary words)")
        }
        if quality.wordTokens >= 15 && quality.dictionaryRatio < minDictionaryRatio {
            return .ocr(
                "unreadable text layer: only \(percent(quality.dictionaryRatio)) of \(quality.wordTokens) words are words (glyph garbage)"
            )
        }
        return .useTextLayer(
            "text layer with no scan under it (\(quality.characters) characters, \(percent(quality.dictionaryRatio)) dictionary words)")
    }

    private func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
