import Verification

/// The text-only `verify` a run or merge ends with, as a part of its summary line.
///
/// Every run proves its own output as far as it cheaply can: the JSON values, each redacted
/// PDF's text layer, metadata and bytes are searched for every audited string and its partial
/// forms (seconds for a few hundred pages). OCR of the page images (minutes) stays with
/// `foiapipe verify DIR`, which the clean message names. A leak does not change the exit
/// status, which the contract keeps for failed documents.
enum PublicCheck {
    static func summary(out: String, jobs: Int) -> String {
        let report: VerificationReport
        do {
            report = try Verifier(jobs: jobs, ocr: false).verify(directory: out)
        } catch {
            return "public/ not verified: \(error.description)"
        }
        if report.isClean {
            return "public/ clean by a text-only verify (`foiapipe verify \(out)` also OCRs the page images)"
        }
        return "public/ NOT CLEAN: \(report.leaks.count) leak(s), \(report.problems.count) problem(s) by a text-only "
            + "verify; `foiapipe verify \(out) --no-ocr` lists them"
    }
}
