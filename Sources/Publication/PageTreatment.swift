import Redaction

/// How one output page is made, decided from the redacted page and its source page.
enum PageTreatment: Equatable {
    /// Redrawn as vectors by poppler onto the new page: small, sharp, its own text kept.
    case vector
    /// Rendered to pixels with the boxes burned in, over an invisible layer of the redacted words.
    case raster
    /// The page could not be read, so it was never redacted: a blank page that says so keeps
    /// the page numbering of the source (which `source.page_start` refers to).
    case withheld
    /// The reviewer withheld the page whole: covered in black with the notice, drawn as vectors
    /// (no image, none of its words), in its place so the page count stays the source's.
    case withheldByReview

    /// Share of a page covered by images above which a text page is treated as a scan.
    static let scanCoverage = 0.5

    /// Vector only for a text page with nothing redacted that is not a scan under a text layer.
    ///
    /// A scan with an earlier OCR layer keeps that layer only as invisible text, which cairo
    /// drops, and its image is re-embedded losslessly (several times the size of the
    /// source's JPEG), so it is rasterised with the extracted words as its text layer.
    /// `imageCoverage` is only asked for when the answer depends on it (it costs a pass over
    /// the page's content).
    static func decide(page: RedactedPage?, imageCoverage: () -> Double) -> PageTreatment {
        guard let page else { return .withheld }
        if page.isWithheld { return .withheldByReview }
        if page.mustRasterize { return .raster }
        return imageCoverage() > scanCoverage ? .raster : .vector
    }
}
