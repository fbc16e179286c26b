/// The publication stage: writes the redacted PDF copy of an input document.
///
/// It accepts only `RedactedPage` values (made by the redaction stage), so a page whose
/// redactions were never decided cannot be published.
public enum Publication {}
