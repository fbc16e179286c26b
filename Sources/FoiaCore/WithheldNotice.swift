/// The notice on a page the reviewer withheld whole (`foiapipe review`'s `withhold`).
///
/// Shared by the PDF writer, which prints it, and `verify`, which requires a withheld page
/// to show nothing else. It names no Bates number and no page number of its own, so it can
/// never be taken for the production number the page carried: the page keeps its place in
/// the copy, and the page count and every record's page numbers stay those of the source.
public enum WithheldNotice {
    public static let reviewLabel = "Page withheld in full (review)"
    /// The audit's rule id for a withheld page (one line per page, `field` `page`).
    public static let rule = "reviewer_withheld"
}
